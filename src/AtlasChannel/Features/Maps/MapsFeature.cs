using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Maps;

public static class MapsFeature
{
    /// <summary>Field presence (spawn / despawn), map changes through portals and the warp on MAP_CHANGED.</summary>
    public static IServiceCollection AddMapsFeature(this IServiceCollection services)
    {
        services.AddSingleton<PortalDataPeer>();
        services.AddSingleton<FieldNpcs>();
        services.AddSingleton<PortalCommands>();
        services.AddSingleton<IPacketHandler, MapChangeHandler>();
        services.AddSingleton<IPacketHandler, PortalScriptHandler>();
        services.AddSingleton<IEventHandlers, MapEvents>();
        return services;
    }
}
