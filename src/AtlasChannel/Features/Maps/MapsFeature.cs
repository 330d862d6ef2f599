using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Maps;

public static class MapsFeature
{
    /// <summary>Field presence (spawn / despawn, the field's contents on entry), map changes through portals and the warp on MAP_CHANGED.</summary>
    public static IServiceCollection AddMapsFeature(this IServiceCollection services)
    {
        services.AddSingleton<MapDataReader>();
        services.AddSingleton<PortalDataPeer>();
        // Everything already in a field, shown to the character entering it (map.md CHARACTER_ENTER step 4).
        // FieldPets and FieldPartyHp use PetPeer (AddPetsFeature) and PartyPeer (AddStatsFeature).
        services.AddSingleton<IFieldEntryPart, FieldNpcs>();
        services.AddSingleton<IFieldEntryPart, FieldMonsters>();
        services.AddSingleton<IFieldEntryPart, FieldDrops>();
        services.AddSingleton<IFieldEntryPart, FieldReactors>();
        services.AddSingleton<IFieldEntryPart, FieldChalkboards>();
        services.AddSingleton<IFieldEntryPart, FieldChairs>();
        services.AddSingleton<IFieldEntryPart, FieldClock>();
        services.AddSingleton<IFieldEntryPart, FieldTransport>();
        services.AddSingleton<IFieldEntryPart, FieldPets>();
        services.AddSingleton<IFieldEntryPart, FieldPartyHp>();
        services.AddSingleton<FieldEntry>();
        services.AddSingleton<PortalCommands>();
        services.AddSingleton<IPacketHandler, MapChangeHandler>();
        services.AddSingleton<IPacketHandler, PortalScriptHandler>();
        services.AddSingleton<IEventHandlers, MapEvents>();
        return services;
    }
}
