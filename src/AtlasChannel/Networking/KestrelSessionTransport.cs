using AtlasChannel.Sessions;
using Microsoft.AspNetCore.Connections;

namespace AtlasChannel.Networking;

/// <summary>A session's view of its Kestrel connection.</summary>
internal sealed class KestrelSessionTransport(ConnectionContext connection) : ISessionTransport
{
    public string RemoteEndPoint { get; } = connection.RemoteEndPoint?.ToString() ?? "?";

    public void Abort(string reason) => connection.Abort(new ConnectionAbortedException(reason));
}
