using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Stats;

/// <summary>DI registration of the character-status feature (stat requests and EVENT_TOPIC_CHARACTER_STATUS).</summary>
public static class StatsFeature
{
    public static IServiceCollection AddStatsFeature(this IServiceCollection services)
    {
        services.AddSingleton<StatsCommands>();
        services.AddSingleton<PartyPeer>();
        services.AddSingleton<IPacketHandler, DistributeApHandler>();
        services.AddSingleton<IPacketHandler, AutoDistributeApHandler>();
        services.AddSingleton<IPacketHandler, DistributeSpHandler>();
        services.AddSingleton<IPacketHandler, DropMesoHandler>();
        services.AddSingleton<IPacketHandler, HealOverTimeHandler>();
        services.AddSingleton<IEventHandlers, StatsEvents>();
        return services;
    }
}
