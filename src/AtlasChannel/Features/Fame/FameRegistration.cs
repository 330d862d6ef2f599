using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Fame;

public static class FameRegistration
{
    public static IServiceCollection AddFameFeature(this IServiceCollection services)
    {
        services.AddSingleton<IPacketHandler, FameChangeHandler>();
        services.AddSingleton<IEventHandlers, FameEvents>();
        return services;
    }
}
