using System.Text.Json;
using AtlasChannel.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>CASHSHOP (cashshop.md): empty cash compartments, zero wallets and in-memory wish lists.</summary>
internal static class CashShopEndpoints
{
    private const uint CompartmentCapacity = 55;

    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        var accounts = data.Accounts;

        // The server route requires ?type=; without it there is no route (404).
        api.MapGet("accounts/{id}/cash-shop/inventory/compartments", context =>
        {
            if (!Http.TryRoute(context, "id", out uint accountId))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            if (!context.Request.Query.ContainsKey("type"))
                return Http.Empty(context, StatusCodes.Status404NotFound);
            if (!Http.TryQuery(context, "type", out var type))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            if (!accounts.TryGet(accountId, out _) || type is < 1 or > 3)
                return Http.Empty(context, StatusCodes.Status500InternalServerError);

            var id = SocialEndpoints.DerivedId((ushort)(0xca50 + type), accountId).ToString();
            return Http.Json(context, JsonApi.Single(
                "compartments",
                id,
                w =>
                {
                    w.WriteNumber("accountId", accountId);
                    w.WriteNumber("type", type);
                    w.WriteNumber("capacity", CompartmentCapacity);
                },
                w => JsonApi.ToMany(w, $"compartments/{id}", "assets", "assets", [])));
        });

        api.MapGet("accounts/{id}/cash-shop/inventory/compartments/{compartmentId}/assets/{assetId}", context =>
            Http.TryRoute(context, "assetId", out uint _)
                ? Http.Empty(context, StatusCodes.Status404NotFound)
                : Http.Empty(context, StatusCodes.Status400BadRequest));

        api.MapGet("accounts/{id}/wallet", context =>
        {
            if (!Http.TryRoute(context, "id", out uint accountId))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            if (!accounts.TryGet(accountId, out _))
                return Http.Empty(context, StatusCodes.Status404NotFound);
            return Http.Json(context, JsonApi.Single("wallets", SocialEndpoints.DerivedId(0x3a11, accountId).ToString(), w =>
            {
                w.WriteNumber("accountId", accountId);
                w.WriteNumber("credit", 0);
                w.WriteNumber("points", 0);
                w.WriteNumber("prepaid", 0);
            }));
        });

        api.MapGet("characters/{id}/cash-shop/wishlist", context =>
            !Http.TryRoute(context, "id", out uint characterId)
                ? Http.Empty(context, StatusCodes.Status400BadRequest)
                : Http.Json(context, JsonApi.Collection(data.Wishlists.Of(characterId), "items", i => i.Id.ToString(), Write)));

        api.MapPost("characters/{id}/cash-shop/wishlist", async context =>
        {
            if (!Http.TryRoute(context, "id", out uint characterId) || await ReadSerialNumberAsync(context) is not { } serialNumber)
            {
                await Http.Empty(context, StatusCodes.Status400BadRequest);
                return;
            }

            var item = data.Wishlists.Add(characterId, serialNumber);
            await Http.Json(context, JsonApi.Single("items", item.Id.ToString(), w => Write(w, item)));
        });

        api.MapDelete("characters/{id}/cash-shop/wishlist", context =>
        {
            if (!Http.TryRoute(context, "id", out uint characterId))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            data.Wishlists.Clear(characterId);
            return Http.Empty(context, StatusCodes.Status204NoContent);
        });
    }

    private static void Write(Utf8JsonWriter w, WishlistItem item)
    {
        w.WriteNumber("characterId", item.CharacterId);
        w.WriteNumber("serialNumber", item.SerialNumber);
    }

    private static async Task<uint?> ReadSerialNumberAsync(HttpContext context)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return body.RootElement.GetProperty("data").GetProperty("attributes").GetProperty("serialNumber").GetUInt32();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
