using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>
/// BUDDIES, BUFFS, NOTES, GUILDS, PARTIES and MESSENGERS: nobody has buddies, buffs, notes, a guild, a party or a
/// messenger yet. Status codes for unknown ids follow each service file.
/// </summary>
internal static class SocialEndpoints
{
    private const byte BuddyCapacity = 20;

    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        var characters = data.Characters;

        // A missing buddy list makes login impossible (buddies.md), so every known character has one.
        api.MapGet("characters/{id}/buddy-list", context =>
        {
            if (!Http.TryRoute(context, "id", out uint id))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            if (!characters.TryGet(id, out _))
                return Http.Empty(context, StatusCodes.Status404NotFound);
            return Http.Json(context, JsonApi.Single("buddy-list", DerivedId(0xb0dd, id).ToString(), w =>
            {
                w.WriteNumber("characterId", id);
                w.WriteNumber("capacity", BuddyCapacity);
                w.WriteStartArray("buddies");
                w.WriteEndArray();
            }));
        });

        api.MapGet("characters/{id}/buffs", context => EmptyForKnownCharacter(context, data));
        api.MapGet("characters/{id}/notes", context => EmptyForKnownCharacter(context, data));
        api.MapGet("notes/{id}", context => Http.Empty(context, StatusCodes.Status500InternalServerError));

        api.MapGet("guilds", context => Http.Json(context, JsonApi.EmptyCollection));
        api.MapGet("guilds/{id}", context => Http.Empty(context, StatusCodes.Status500InternalServerError));
        api.MapGet("guilds/{id}/threads", context => Http.Empty(context, StatusCodes.Status500InternalServerError));
        api.MapGet("guilds/{id}/threads/{threadId}", context => Http.Empty(context, StatusCodes.Status500InternalServerError));
        api.MapGet("parties", context => Http.Json(context, JsonApi.EmptyCollection));
        api.MapGet("parties/{id}", context => Http.Empty(context, StatusCodes.Status404NotFound));
        api.MapGet("messengers", context => Http.Json(context, JsonApi.EmptyCollection));
        api.MapGet("messengers/{id}", context => Http.Empty(context, StatusCodes.Status404NotFound));
    }

    /// <summary>A stable UUID per (kind, id): <c>00000000-5a4d-4b07-{kind:x4}-{id:x12}</c>.</summary>
    public static Guid DerivedId(ushort kind, uint id) => new($"00000000-5a4d-4b07-{kind:x4}-{id:x12}");

    private static Task EmptyForKnownCharacter(HttpContext context, SandboxData data) =>
        !Http.TryRoute(context, "id", out uint id) ? Http.Empty(context, StatusCodes.Status400BadRequest)
        : data.Characters.TryGet(id, out _) ? Http.Json(context, JsonApi.EmptyCollection)
        : Http.Empty(context, StatusCodes.Status404NotFound);
}
