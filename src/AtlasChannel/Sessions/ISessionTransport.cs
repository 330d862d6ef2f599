namespace AtlasChannel.Sessions;

/// <summary>The connection under a session, as far as the session needs it: it can be torn down.</summary>
public interface ISessionTransport
{
    string RemoteEndPoint { get; }

    /// <summary>Aborts the connection; both loops end. Safe to call more than once.</summary>
    void Abort(string reason);
}
