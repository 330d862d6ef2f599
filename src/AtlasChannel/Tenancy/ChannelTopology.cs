using AtlasChannel.Messaging;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Tenancy;

/// <summary>One hosted tenant: its identity, client version, opcode table and the channels this process serves for it.</summary>
public sealed record TenantSettings(Tenant Tenant, ClientVersion Version, OpcodeTable Opcodes, string IpAddress, IReadOnlyList<WorldSettings> Worlds)
{
    public IEnumerable<ChannelServer> Servers =>
        Worlds.SelectMany(w => w.Channels.Select(c => new ChannelServer(this, w.Id, c.Id, c.Port)));
}

public sealed record WorldSettings(byte Id, IReadOnlyList<ChannelSettings> Channels);

public sealed record ChannelSettings(byte Id, int Port);

/// <summary>The session timeout task from the service configuration (<c>tasks[type=timeout]</c>).</summary>
public sealed record SessionTimeoutSettings(TimeSpan Interval, TimeSpan IdleLimit);

/// <summary>Everything the service configuration and the tenant configurations say this process hosts.</summary>
public sealed record ChannelTopology(Guid ServiceId, IReadOnlyList<TenantSettings> Tenants, SessionTimeoutSettings SessionTimeout)
{
    public IEnumerable<ChannelServer> Servers => Tenants.SelectMany(t => t.Servers);

    public TenantSettings? FindTenant(Guid tenantId) => Tenants.FirstOrDefault(t => t.Tenant.Id == tenantId);
}

/// <summary>
/// A "server instance": one (tenant, world, channel) with its own listening port. Every version-specific rule is
/// fixed per instance.
/// </summary>
public sealed record ChannelServer(TenantSettings TenantSettings, byte WorldId, byte ChannelId, int Port)
{
    public Tenant Tenant => TenantSettings.Tenant;

    public ClientVersion Version => TenantSettings.Version;

    public OpcodeTable Opcodes => TenantSettings.Opcodes;

    public override string ToString() => $"{Tenant.Id} {Version} world {WorldId} channel {ChannelId} :{Port}";
}
