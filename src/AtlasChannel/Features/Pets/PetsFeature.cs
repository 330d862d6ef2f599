using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Pets;

/// <summary>DI registration of the pets feature: so far the PETS reader that map entry uses.</summary>
public static class PetsFeature
{
    public static IServiceCollection AddPetsFeature(this IServiceCollection services)
    {
        services.AddSingleton<PetPeer>();
        return services;
    }
}
