using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.KeyMap;

public static class KeyMapRegistration
{
    public static IServiceCollection AddKeyMapFeature(this IServiceCollection services)
    {
        services.AddSingleton<KeyMapPeer>();
        services.AddSingleton<IPacketHandler, CharacterKeyMapChangeHandler>();
        return services;
    }
}
