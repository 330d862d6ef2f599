using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Peers;
using AtlasChannel.Sandbox.Rest;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox;

/// <summary>
/// The embedded default's fake peers: REST endpoints on loopback served from fixture data, and responders on the
/// message bus that answer the channel's commands with the events the real Atlas services would emit.
/// </summary>
public sealed class SandboxPeers : IAsyncDisposable
{
    private readonly SandboxData _data;
    private readonly SandboxRestServer _rest;
    private readonly IReadOnlyList<PeerService> _services;

    private SandboxPeers(SandboxData data, SandboxRestServer rest, IReadOnlyList<PeerService> services)
    {
        _data = data;
        _rest = rest;
        _services = services;
    }

    public SandboxOptions Options => _data.Options;

    /// <summary>Pass as the channel's <c>SERVICE_ID</c>.</summary>
    public Guid ServiceId => _data.Options.ServiceId;

    public Guid TenantId => _data.Options.TenantId;

    /// <summary>The hosted tenant (add it to <c>MessagingOptions.ServedTenants</c>).</summary>
    public Tenant Tenant => _data.Options.Tenant;

    /// <summary>Root URL for every root token (<c>BASE_SERVICE_URL</c>), e.g. <c>http://127.0.0.1:8081/api/</c>.</summary>
    public Uri BaseUrl => _rest.BaseUrl;

    /// <summary>Starts the REST server and subscribes the responders. The bus may be started before or after.</summary>
    public static async Task<SandboxPeers> StartAsync(SandboxOptions options, IMessageBus bus, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(loggers);
        options.Validate();

        var data = new SandboxData(options);
        var publisher = new PeerPublisher(bus, loggers.CreateLogger<PeerPublisher>());
        var maps = new MapService(options, data.Population, publisher, data.Seats, data.Chalkboards, loggers.CreateLogger<MapService>());
        PeerService[] services =
        [
            new AccountService(options, data.Accounts, data.Sessions, publisher, loggers.CreateLogger<AccountService>()),
            new CharacterService(options, data.Characters, maps, publisher, loggers.CreateLogger<CharacterService>()),
            new CharacterStatService(options, data.Characters, publisher, loggers.CreateLogger<CharacterStatService>()),
            maps,
            new FameService(options, data.Characters, publisher, loggers.CreateLogger<FameService>()),
            new ChatService(options, data.Characters, publisher, loggers.CreateLogger<ChatService>()),
            new ExpressionService(options, publisher, loggers.CreateLogger<ExpressionService>()),
            new ChairService(options, data.Seats, publisher, loggers.CreateLogger<ChairService>()),
            new ChalkboardService(options, data.Chalkboards, publisher, loggers.CreateLogger<ChalkboardService>()),
            new PortalService(options, maps, publisher, loggers.CreateLogger<PortalService>()),
        ];

        var rest = await SandboxRestServer.StartAsync(data, loggers, cancellationToken);
        try
        {
            foreach (var service in services)
                service.Subscribe(bus);
        }
        catch
        {
            foreach (var service in services)
                service.Dispose();
            await rest.DisposeAsync();
            throw;
        }

        return new SandboxPeers(data, rest, services);
    }

    /// <summary>Every channel registration recorded by the world service, last one per (world, channel).</summary>
    public IReadOnlyList<ChannelRegistration> ChannelRegistrations => _data.Channels.All();

    public bool TryGetChannelRegistration(byte worldId, byte channelId, out ChannelRegistration registration) =>
        _data.Channels.TryGet(worldId, channelId, out registration);

    /// <summary>Completes with the current registration of the channel, or with the next one that arrives.</summary>
    public Task<ChannelRegistration> WaitForChannelRegistrationAsync(byte worldId, byte channelId, CancellationToken cancellationToken) =>
        _data.Channels.WaitForAsync(worldId, channelId, cancellationToken);

    /// <summary>The characters the maps service has in <paramref name="field"/>.</summary>
    public IReadOnlyList<uint> CharactersIn(FieldKey field) => _data.Population.CharactersIn(field);

    /// <summary>The characters the chairs service has sitting in <paramref name="field"/>.</summary>
    public IReadOnlyList<Seat> SeatsIn(FieldKey field) => [.. _data.Seats.In(field).Select(s => s.Value)];

    /// <summary>The chalkboards the chalkboards service has open in <paramref name="field"/>.</summary>
    public IReadOnlyList<OpenChalkboard> ChalkboardsIn(FieldKey field) => [.. _data.Chalkboards.In(field).Select(s => s.Value)];

    /// <summary>The account's <c>loggedIn</c> state: 0 not logged in, 1 logged in, 2 in transition.</summary>
    public byte AccountState(uint accountId) => _data.Sessions.StateOf(accountId);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
            service.Dispose();
        await _rest.DisposeAsync();
    }
}
