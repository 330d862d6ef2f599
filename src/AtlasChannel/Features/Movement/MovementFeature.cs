using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Movement;

public static class MovementFeature
{
    /// <summary>Character movement: CharacterMoveHandle → relay + COMMAND_TOPIC_CHARACTER_MOVEMENT.</summary>
    public static IServiceCollection AddMovementFeature(this IServiceCollection services)
    {
        services.AddSingleton<IPacketHandler, CharacterMoveHandler>();
        return services;
    }
}
