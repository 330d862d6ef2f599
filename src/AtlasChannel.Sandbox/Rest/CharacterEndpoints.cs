using System.Text.Json;
using AtlasChannel.Sandbox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>
/// CHARACTERS, INVENTORY, SKILLS (skills and macros), QUESTS, PETS and KEYS: the fixture documents, or the generated
/// characters' (Fixtures/README.md). Unknown characters answer 404.
/// </summary>
internal static class CharacterEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        var characters = data.Characters;

        // include=inventory is accepted and ignored, as by the character service.
        api.MapGet("characters/{id}", context => ServePart(context, characters, CharacterPart.Character));
        api.MapGet("characters", context => ByName(context, characters));
        api.MapGet("characters/{id}/inventory", context => ServePart(context, characters, CharacterPart.Inventory));
        api.MapGet("characters/{id}/inventory/compartments", context => Compartment(context, characters));
        api.MapGet("characters/{id}/skills", context => ServePart(context, characters, CharacterPart.Skills));
        api.MapGet("characters/{id}/macros", context => ServePart(context, characters, CharacterPart.Macros));
        api.MapGet("characters/{id}/quests", context => ServePart(context, characters, CharacterPart.Quests));
        api.MapGet("characters/{id}/pets", context => ServePart(context, characters, CharacterPart.Pets));
        api.MapGet("characters/{id}/keys", context => ServePart(context, characters, CharacterPart.Keys));
        api.MapGet("pets/{id}", context =>
            !Http.TryRoute(context, "id", out uint id) ? Http.Empty(context, StatusCodes.Status400BadRequest)
            : data.Fixtures.TryGet($"pets/{Http.Text(id)}", out var pet) ? Http.Json(context, pet)
            : Http.Empty(context, StatusCodes.Status404NotFound));
    }

    private static Task ServePart(HttpContext context, CharacterCatalog characters, CharacterPart part) =>
        Http.TryRoute(context, "id", out uint id)
            ? Http.JsonOrNotFound(context, characters.Document(id, part))
            : Http.Empty(context, StatusCodes.Status400BadRequest);

    private static Task ByName(HttpContext context, CharacterCatalog characters)
    {
        var name = context.Request.Query["name"];
        if (name.Count != 1 || string.IsNullOrEmpty(name[0]) || !characters.TryFindByName(name[0]!, out var summary) ||
            characters.Document(summary.Id, CharacterPart.Character) is not { } document)
            return Http.Json(context, JsonApi.EmptyCollection);

        using var parsed = JsonDocument.Parse(document);
        var data = parsed.RootElement.GetProperty("data");
        return Http.Json(context, JsonApi.Document(w =>
        {
            w.WriteStartArray();
            data.WriteTo(w);
            w.WriteEndArray();
        }));
    }

    /// <summary>The compartment of type <c>t</c> as <c>data</c> and its assets as <c>included</c> (inventory.md).</summary>
    private static Task Compartment(HttpContext context, CharacterCatalog characters)
    {
        if (!Http.TryRoute(context, "id", out uint id) || !Http.TryQuery(context, "type", out var type))
            return Http.Empty(context, StatusCodes.Status400BadRequest);
        if (characters.Document(id, CharacterPart.Inventory) is not { } inventory)
            return Http.Empty(context, StatusCodes.Status404NotFound);

        using var parsed = JsonDocument.Parse(inventory);
        var included = parsed.RootElement.TryGetProperty("included", out var list) ? list : default;
        if (included.ValueKind != JsonValueKind.Array)
            return Http.Empty(context, StatusCodes.Status404NotFound);

        JsonElement? compartment = null;
        foreach (var resource in included.EnumerateArray())
        {
            if (resource.GetProperty("type").GetString() == "compartments" &&
                resource.GetProperty("attributes").GetProperty("type").GetUInt32() == type)
                compartment = resource;
        }

        if (compartment is not { } found)
            return Http.Empty(context, StatusCodes.Status404NotFound);

        var assetIds = found.GetProperty("relationships").GetProperty("assets").GetProperty("data").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString())
            .ToHashSet(StringComparer.Ordinal);
        var assets = included.EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "assets" && assetIds.Contains(r.GetProperty("id").GetString()))
            .ToList();

        return Http.Json(context, JsonApi.Document(
            found.WriteTo,
            assets.Count == 0 ? null : w =>
            {
                foreach (var asset in assets)
                    asset.WriteTo(w);
            }));
    }
}
