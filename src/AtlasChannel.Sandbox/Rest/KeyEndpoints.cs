using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>
/// KEYS PATCH (keys.md): 200 with no body for a known character, 500 otherwise, as the server answers. The key
/// fixtures are read-only, so the change is accepted but not stored.
/// </summary>
internal static class KeyEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxData data) =>
        api.MapPatch("characters/{id}/keys/{key}", context =>
            Http.TryRoute(context, "id", out uint characterId) && Http.TryRoute(context, "key", out uint _) && data.Characters.TryGet(characterId, out _)
                ? Http.Empty(context, StatusCodes.Status200OK)
                : Http.Empty(context, StatusCodes.Status500InternalServerError));
}
