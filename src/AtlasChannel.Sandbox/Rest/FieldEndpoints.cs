using AtlasChannel.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>
/// In-field endpoints: MAPS (characters present, from the maps service's view), MONSTERS, DROPS, REACTORS, CHAIRS,
/// CHALKBOARDS (empty fields), DATA maps (fixtures) and map NPCs / portals (none). Chairs and chalkboards are served on the server
/// route with <c>/instances/{i}</c>; the reference client's path without it has no route (404), as in chairs.md.
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

        foreach (var resource in new[] { "monsters", "drops", "reactors", "chairs", "chalkboards" })
        {
            api.MapGet(Field + "/" + resource, context =>
                !TryField(context, out _)
                    ? Http.Empty(context, StatusCodes.Status400BadRequest)
                    : Http.Json(context, JsonApi.EmptyCollection));
        }

        api.MapGet("monsters/{id}", context => Http.Empty(context, StatusCodes.Status404NotFound));

        // Map data for the fixture maps (the channel keeps clock, town, returnMapId and fieldLimit); others are 404.
        api.MapGet("data/maps/{mapId}", context =>
            !Http.TryRoute(context, "mapId", out uint mapId) ? Http.Empty(context, StatusCodes.Status400BadRequest)
            : Http.JsonOrNotFound(context, data.Fixtures.TryGet($"data/maps/{Http.Text(mapId)}", out var map) ? map : null));

        // NPC placements: none in any map. Named portals: the portals service's table (a missing name is 200 with []).
        api.MapGet("data/maps/{mapId}/npcs", context => EmptyForMap(context));
        api.MapGet("data/maps/{mapId}/portals", context => PortalsByName(context));
    }

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
