using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Chairs;

public static class ChairFeature
{
    public static IServiceCollection AddChairFeature(this IServiceCollection services)
    {
        services.AddSingleton<ChairCommands>();
        services.AddSingleton<IPacketHandler, ChairPortableHandler>();
        services.AddSingleton<IPacketHandler, ChairInteractionHandler>();
        services.AddSingleton<IEventHandlers, ChairEvents>();
        return services;
    }
}
