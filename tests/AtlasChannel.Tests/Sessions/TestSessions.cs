using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Sessions;

/// <summary>Sessions over a fake transport for unit tests.</summary>
internal static class TestSessions
{
    public static readonly Tenant TenantA = new(Guid.Parse("083839c6-c47c-42a6-9585-76492795d123"), "GMS", 83, 1);
    public static readonly Tenant TenantB = new(Guid.Parse("11111111-2222-3333-4444-555555555555"), "GMS", 83, 1);

    public static ChannelServer Server(Tenant tenant, byte world = 0, byte channel = 0, int port = 7575)
    {
        var version = new ClientVersion(tenant.Region, tenant.Major, tenant.Minor);
        var table = BundledTemplates.Load(version);
        var settings = new TenantSettings(tenant, version, table, "127.0.0.1", [new WorldSettings(world, [new ChannelSettings(channel, port)])]);
        return new ChannelServer(settings, world, channel, port);
    }

    public static Session Create(ChannelServer server, int capacity = 64)
    {
        var session = new Session(Guid.NewGuid(), server, new PacketEncoder(server.Opcodes), capacity, TimeProvider.System, NullLogger.Instance);
        session.Attach(new FakeTransport());
        return session;
    }

    /// <summary>Everything queued for the session so far, as plaintext bodies.</summary>
    public static List<byte[]> Drain(Session session)
    {
        var bodies = new List<byte[]>();
        while (session.Outbound.TryRead(out var packet))
        {
            bodies.Add(packet.Body.ToArray());
            packet.Release();
        }

        return bodies;
    }

    internal sealed class FakeTransport : ISessionTransport
    {
        public string RemoteEndPoint => "test";

        public string? AbortReason { get; private set; }

        public void Abort(string reason) => AbortReason ??= reason;
    }
}
