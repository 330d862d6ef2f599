using AtlasChannel.Features;
using AtlasChannel.Features.Accounts;
using AtlasChannel.Features.CashShop;
using AtlasChannel.Features.Channels;
using AtlasChannel.Features.CharacterInfo;
using AtlasChannel.Features.Fame;
using AtlasChannel.Features.KeyMap;
using AtlasChannel.Features.Chairs;
using AtlasChannel.Features.Chalkboards;
using AtlasChannel.Features.Chat;
using AtlasChannel.Features.Login;
using AtlasChannel.Features.Movement;
using AtlasChannel.Features.Pets;
using AtlasChannel.Features.Maps;
using AtlasChannel.Features.Sessions;
using AtlasChannel.Features.Stats;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Networking;
using AtlasChannel.Observability;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace AtlasChannel.Hosting;

/// <summary>The service's object graph. Features register here: their packet handlers and their event handlers.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddChannelService(this IServiceCollection services, ChannelHostOptions options, ChannelTopology topology, IMessageBus bus, PeerRoots roots)
    {
        services.AddSingleton(options);
        services.AddSingleton(topology);
        services.AddSingleton(roots);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(bus);
        services.AddSingleton<ICommandPublisher>(bus);
        services.AddSingleton<IMessageSubscriber>(bus);
        services.AddSingleton<ChannelMetrics>();
        services.AddSingleton<ReadinessState>();
        services.AddSingleton(new ConnectionLimits(options.MaxPacketLength, options.OutboundQueueCapacity));
        services.AddSingleton(sp => new OutboundFlusher(
            options.OutboundFlushInterval,
            options.OutboundFlushThreads,
            sp.GetRequiredService<ChannelMetrics>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("AtlasChannel.Sessions"),
            options.OutboundIoUring,
            options.OutboundInboxCapacity));

        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<ISessionRegistry>(sp => sp.GetRequiredService<SessionRegistry>());
        services.AddSingleton<AccountLoginRegistry>();
        services.AddSingleton<PacketDispatcher>();
        services.AddSingleton<SessionLifecycle>();
        services.AddSingleton<ISessionLifecycle>(sp => sp.GetRequiredService<SessionLifecycle>());
        services.AddSingleton<SessionDrain>();

        services.AddHttpClient(PeerHttp.ClientName)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = options.PeerTimeout;
                resilience.TotalRequestTimeout.Timeout = options.PeerTimeout * 3;
                resilience.CircuitBreaker.SamplingDuration = options.PeerTimeout * 2 > TimeSpan.FromSeconds(30) ? options.PeerTimeout * 2 : TimeSpan.FromSeconds(30);
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
            });
        services.AddSingleton<PeerHttp>();
        services.AddSingleton<AccountPeer>();
        services.AddSingleton<CharacterPeer>();
        services.AddSingleton<ChannelRegistryPeer>();

        // Features: client packets…
        services.AddCashShopFeature();
        services.AddFameFeature();
        services.AddKeyMapFeature();
        services.AddCharacterInfoFeature();
        services.AddStatsFeature();
        services.AddChatFeature().AddChairFeature().AddChalkboardFeature();
        services.AddMovementFeature();
        services.AddPetsFeature();
        services.AddMapsFeature();
        services.AddSingleton<LoginCommands>();
        services.AddSingleton<LoginFollowUps>();
        services.AddSingleton<LoginGate>();
        services.AddSingleton<IPacketHandler, CharacterLoggedInHandler>();
        services.AddSingleton<IPacketHandler, ChannelChangeHandler>();

        // …and Kafka events.
        services.AddSingleton<IEventHandlers>(sp => sp.GetRequiredService<LoginGate>());
        services.AddSingleton<IEventHandlers, AccountStatusEvents>();
        services.AddSingleton<ChannelRegistration>();
        services.AddSingleton<IEventHandlers>(sp => sp.GetRequiredService<ChannelRegistration>());

        // Hosted services start in this order and stop in reverse: tenants, bus, then the periodic tasks.
        services.AddHostedService<ChannelStartup>();
        services.AddHostedService<MessagingHostedService>();
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService<SessionTimeoutService>();
        return services;
    }
}
