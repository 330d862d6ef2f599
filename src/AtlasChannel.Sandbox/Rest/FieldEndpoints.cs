using System.Text.Json;
using AtlasChannel.Sandbox.Data;
using AtlasChannel.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>
/// In-field endpoints: MAPS (characters present, from the maps service's view), MONSTERS, DROPS, REACTORS (the
/// <see cref="FieldFixtures"/>), CHAIRS and CHALKBOARDS (the chairs / chalkboards services' state), ROUTES (fixture),
/// DATA maps (fixtures) and map NPCs / portals (none). Chairs and chalkboards are served on the server route with
/// <c>/instances/{i}</c>; the reference client's path without it has no route (404), as in chairs.md. Tenant
/// isolation is the <see cref="TenantHeaderGuard"/> in front of every endpoint.
/// </summary>
internal static class FieldEndpoints
{
    private const string Field = "worlds/{worldId}/channels/{channelId}/maps/{mapId}/instances/{instance}";

    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        api.MapGet(Field + "/characters", context =>
            !TryField(context, out var field)
                ? Http.Empty(context, StatusCodes.Status400BadRequest)
                : Http.Json(context, JsonApi.Collection(data.Population.CharactersIn(field), "characters", Http.Text, static (_, _) => { })));

        api.MapGet(Field + "/monsters", context => InField(context, field => Monsters(field)));
        api.MapGet(Field + "/drops", context => InField(context, field => Drops(field)));
        api.MapGet(Field + "/reactors", context => InField(context, field => Reactors(field)));
        api.MapGet(Field + "/chairs", context => InField(context, field =>
            JsonApi.Collection(data.Seats.In(field), "chairs", s => Http.Text(s.Value.ChairId), static (json, s) =>
            {
                json.WriteString("type", s.Value.ChairType);
                json.WriteNumber("characterId", s.CharacterId);
            })));
        api.MapGet(Field + "/chalkboards", context => InField(context, field =>
            JsonApi.Collection(data.Chalkboards.In(field), "chalkboards", s => Http.Text(s.CharacterId), static (json, s) =>
                json.WriteString("message", s.Value.Message))));

        // ROUTES: the fixture route table (routes.md's example: Ellinia - Orbis, boarding open in 101000300).
        api.MapGet("transports/routes", context =>
            Http.JsonOrNotFound(context, data.Fixtures.TryGet("transports/routes", out var routes) ? routes : null));

        api.MapGet("monsters/{id}", context => Http.Empty(context, StatusCodes.Status404NotFound));

        // Map data for the fixture maps (the channel keeps clock, town, returnMapId and fieldLimit); others are 404.
        api.MapGet("data/maps/{mapId}", context =>
            !Http.TryRoute(context, "mapId", out uint mapId) ? Http.Empty(context, StatusCodes.Status400BadRequest)
            : Http.JsonOrNotFound(context, data.Fixtures.TryGet($"data/maps/{Http.Text(mapId)}", out var map) ? map : null));

        // NPC placements: none in any map. Named portals: the portals service's table (a missing name is 200 with []).
        api.MapGet("data/maps/{mapId}/npcs", context => EmptyForMap(context));
        api.MapGet("data/maps/{mapId}/portals", context => PortalsByName(context));
    }

    private static Task InField(HttpContext context, Func<FieldKey, byte[]> document) =>
        TryField(context, out var field) ? Http.Json(context, document(field)) : Http.Empty(context, StatusCodes.Status400BadRequest);

    // Fixture objects stand in the nil instance of their map, in every world and channel.
    private static IEnumerable<T> Fixed<T>(FieldKey field, Func<uint, IReadOnlyList<T>> of) => field.Instance == Guid.Empty ? of(field.MapId) : [];

    private static void WriteField(Utf8JsonWriter json, FieldKey field)
    {
        json.WriteNumber("worldId", field.WorldId);
        json.WriteNumber("channelId", field.ChannelId);
        json.WriteNumber("mapId", field.MapId);
        json.WriteString("instance", field.Instance.ToString("D"));
    }

    private static byte[] Monsters(FieldKey field) =>
        JsonApi.Collection(Fixed(field, FieldFixtures.MonstersIn), "monsters", m => Http.Text(m.UniqueId), (json, m) =>
        {
            WriteField(json, field);
            json.WriteNumber("monsterId", m.MonsterId);
            json.WriteNumber("controlCharacterId", 0);
            json.WriteNumber("x", m.X);
            json.WriteNumber("y", m.Y);
            json.WriteNumber("fh", m.Foothold);
            json.WriteNumber("stance", m.Stance);
            json.WriteNumber("team", -1);
            json.WriteNumber("maxHp", m.Hp);
            json.WriteNumber("hp", m.Hp);
            json.WriteNumber("maxMp", 0);
            json.WriteNumber("mp", 0);
            json.WriteStartArray("damageEntries");
            json.WriteEndArray();
        });

    private static byte[] Reactors(FieldKey field) =>
        JsonApi.Collection(Fixed(field, FieldFixtures.ReactorsIn), "reactors", r => Http.Text(r.ReactorId), (json, r) =>
        {
            WriteField(json, field);
            json.WriteNumber("classification", r.Classification);
            json.WriteString("name", r.Name);
            json.WriteNumber("state", r.State);
            json.WriteNumber("eventState", 0);
            json.WriteNumber("x", r.X);
            json.WriteNumber("y", r.Y);
            json.WriteNumber("delay", 0);
            json.WriteNumber("direction", r.Direction);
        });

    private static readonly string[] EquipmentStats =
    [
        "strength", "dexterity", "intelligence", "luck", "hp", "mp", "weaponAttack", "magicAttack", "weaponDefense",
        "magicDefense", "accuracy", "avoidability", "hands", "speed", "jump", "slots",
    ];

    private static byte[] Drops(FieldKey field) =>
        JsonApi.Collection(Fixed(field, FieldFixtures.DropsIn), "drops", d => Http.Text(d.DropId), (json, d) =>
        {
            WriteField(json, field);
            json.WriteNumber("itemId", d.ItemId);
            json.WriteNumber("quantity", d.Quantity);
            json.WriteNumber("meso", d.Meso);
            json.WriteNumber("type", d.OwnType);
            json.WriteNumber("x", d.X);
            json.WriteNumber("y", d.Y);
            json.WriteNumber("ownerId", 0);
            json.WriteNumber("ownerPartyId", 0);
            json.WriteString("dropTime", "2026-02-10T18:40:01.5Z");
            json.WriteNumber("dropperId", d.DropperId);
            json.WriteNumber("dropperX", d.DropperX);
            json.WriteNumber("dropperY", d.DropperY);
            json.WriteBoolean("characterDrop", false);
            json.WriteNumber("mod", 0);
            foreach (var stat in EquipmentStats)
                json.WriteNumber(stat, 0);
        });

    private static Task EmptyForMap(HttpContext context) =>
        Http.TryRoute(context, "mapId", out uint _)
            ? Http.Json(context, JsonApi.EmptyCollection)
            : Http.Empty(context, StatusCodes.Status400BadRequest);

    private static Task PortalsByName(HttpContext context) =>
        !Http.TryRoute(context, "mapId", out uint mapId)
            ? Http.Empty(context, StatusCodes.Status400BadRequest)
            : Http.Json(context, JsonApi.Collection(
                Peers.SandboxPortals.Named(mapId, context.Request.Query["name"].ToString()), "portals", p => Http.Text(p.Id), static (json, p) =>
                {
                    json.WriteString("name", p.Name);
                    json.WriteString("target", p.TargetName);
                    json.WriteNumber("type", p.TargetMapId == Peers.SandboxPortals.NoTarget ? 0 : 2);
                    json.WriteNumber("x", p.X);
                    json.WriteNumber("y", p.Y);
                    json.WriteNumber("targetMapId", p.TargetMapId);
                    json.WriteString("scriptName", "");
                }));

    private static bool TryField(HttpContext context, out FieldKey field)
    {
        field = default;
        if (!Http.TryRoute(context, "worldId", out byte worldId) || !Http.TryRoute(context, "channelId", out byte channelId) ||
            !Http.TryRoute(context, "mapId", out uint mapId) || !Http.TryRoute(context, "instance", out Guid instance))
            return false;
        field = new FieldKey(worldId, channelId, mapId, instance);
        return true;
    }
}
