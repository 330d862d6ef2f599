using AtlasChannel.Messaging;

namespace AtlasChannel.Sandbox;

/// <summary>Settings of the embedded fake peers. The defaults describe one GMS v83.1 tenant with world 0 and two channels.</summary>
public sealed class SandboxOptions
{
    /// <summary>The service configuration id the sandbox serves (<c>configurations/services/{id}</c>).</summary>
    public static readonly Guid DefaultServiceId = new("5a4db0c5-0000-4000-8000-000000000001");

    /// <summary>The one tenant the sandbox hosts.</summary>
    public static readonly Guid DefaultTenantId = new("5a4db0c5-0000-4000-8000-000000000083");

    /// <summary>Loopback HTTP port; 0 picks a free one (read <see cref="SandboxPeers.BaseUrl"/>).</summary>
    public int HttpPort { get; set; } = 8081;

    public Guid ServiceId { get; set; } = DefaultServiceId;

    public Guid TenantId { get; set; } = DefaultTenantId;

    public string Region { get; set; } = "GMS";

    public ushort MajorVersion { get; set; } = 83;

    public ushort MinorVersion { get; set; } = 1;

    /// <summary>Advertised channel address (<c>tenants[].ipAddress</c>); must be a literal IPv4 address.</summary>
    public string ChannelIpAddress { get; set; } = "127.0.0.1";

    public byte WorldId { get; set; }

    /// <summary>Channels 0..N−1 are configured, channel <c>c</c> on port <see cref="FirstChannelPort"/> + c.</summary>
    public int ChannelCount { get; set; } = 2;

    public int FirstChannelPort { get; set; } = 7575;

    /// <summary>Session timeout task: how often it runs (ms).</summary>
    public long TimeoutTaskInterval { get; set; } = 10_000;

    /// <summary>Session timeout task: idle time after which a session is destroyed (ms).</summary>
    public long TimeoutTaskDuration { get; set; } = 300_000;

    /// <summary>First id of the generated (load-test) characters; account id = character id.</summary>
    public uint GeneratedCharacterFirstId { get; set; } = 1000;

    /// <summary>Last id (inclusive) of the generated characters.</summary>
    public uint GeneratedCharacterLastId { get; set; } = 9999;

    /// <summary>
    /// Accounts the login server has "just handed over": always in transition, so their characters can log in at any
    /// time. The generated range is always handed over too.
    /// </summary>
    public IList<uint> HandedOverAccountIds { get; set; } = [1, 2];

    /// <summary>How long an account stays "in transition" after a state-2 command (the account service purges after 5 s).</summary>
    public TimeSpan TransitionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Age after which a channel registration is no longer served (the world service uses 15 s). Null keeps the last
    /// registration forever, so a channel without a working heartbeat can still be found.
    /// </summary>
    public TimeSpan? ChannelRegistrationExpiry { get; set; }

    /// <summary>Clock for transition expiry and registration times (tests substitute a fake).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The tenant as carried in Kafka headers.</summary>
    public Tenant Tenant => new(TenantId, Region, MajorVersion, MinorVersion);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(HttpPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HttpPort, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(ChannelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChannelCount, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstChannelPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FirstChannelPort + ChannelCount - 1, ushort.MaxValue);
        ArgumentException.ThrowIfNullOrWhiteSpace(Region);
        if (!System.Net.IPAddress.TryParse(ChannelIpAddress, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            throw new ArgumentException($"'{ChannelIpAddress}' is not a literal IPv4 address", nameof(ChannelIpAddress));
        // Fixture characters 1..3 own the low ids.
        if (GeneratedCharacterFirstId <= 3 || GeneratedCharacterLastId < GeneratedCharacterFirstId)
            throw new ArgumentException("the generated character range must lie above 3 and not be empty");
        if (GeneratedCharacterLastId > uint.MaxValue / 100)
            throw new ArgumentException("generated character ids must stay below uint.MaxValue / 100 (asset ids derive from them)");
    }
}
