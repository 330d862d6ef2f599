using System.Text.Json;
using AtlasChannel.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>CHANNELS (channel registry) and WORLDS (channels.md, worlds.md), both served by the world service.</summary>
internal static class WorldEndpoints
{
    private const double Rate = 1;

    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        var registry = data.Channels;
        var time = data.Options.TimeProvider;
        var world = WorldInfo.From(data.TenantTemplateJson, data.Options.WorldId);

        api.MapPost("worlds/{worldId}/channels", async context =>
        {
            if (!Http.TryRoute(context, "worldId", out byte worldId) || await ReadRegistrationAsync(context, worldId, time.GetUtcNow()) is not { } registration)
            {
                await Http.Empty(context, StatusCodes.Status400BadRequest);
                return;
            }

            registry.Register(registration);
            await Http.Empty(context, StatusCodes.Status202Accepted);
        });

        api.MapGet("worlds/{worldId}/channels", context =>
            !Http.TryRoute(context, "worldId", out byte worldId)
                ? Http.Empty(context, StatusCodes.Status400BadRequest)
                : Http.Json(context, JsonApi.Collection(registry.InWorld(worldId), "channels", r => r.Id.ToString(), WriteChannel)));

        api.MapGet("worlds/{worldId}/channels/{channelId}", context =>
        {
            if (!Http.TryRoute(context, "worldId", out byte worldId) || !Http.TryRoute(context, "channelId", out byte channelId))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            return registry.TryGet(worldId, channelId, out var registration)
                ? Http.Json(context, JsonApi.Single("channels", registration.Id.ToString(), w => WriteChannel(w, registration)))
                : Http.Empty(context, StatusCodes.Status404NotFound);
        });

        api.MapGet("worlds/{worldId}", context =>
        {
            if (!Http.TryRoute(context, "worldId", out byte worldId))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            if (worldId != data.Options.WorldId)
                return Http.Empty(context, StatusCodes.Status404NotFound);
            var id = Http.Text(worldId);
            return Http.Json(context, JsonApi.Single("worlds", id, w => world.Write(w), w => JsonApi.ToMany(w, $"worlds/{id}", "channels", "channels", [])));
        });
    }

    private static void WriteChannel(Utf8JsonWriter w, ChannelRegistration registration)
    {
        w.WriteNumber("worldId", registration.WorldId);
        w.WriteNumber("channelId", registration.ChannelId);
        w.WriteString("ipAddress", registration.IpAddress);
        w.WriteNumber("port", registration.Port);
        w.WriteNumber("currentCapacity", registration.CurrentCapacity);
        w.WriteNumber("maxCapacity", registration.MaxCapacity);
        w.WriteString("createdAt", JsonApi.Time(registration.RegisteredAt));
        w.WriteNumber("expRate", Rate);
        w.WriteNumber("mesoRate", Rate);
        w.WriteNumber("itemDropRate", Rate);
        w.WriteNumber("questExpRate", Rate);
    }

    /// <summary>Hostile input: the body must be a <c>channels</c> resource with a UUID id (the world service panics otherwise).</summary>
    private static async Task<ChannelRegistration?> ReadRegistrationAsync(HttpContext context, byte worldId, DateTimeOffset now)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var resource = body.RootElement.GetProperty("data");
            if (resource.GetProperty("type").GetString() != "channels" || !Guid.TryParse(resource.GetProperty("id").GetString(), out var id))
                return null;
            var attributes = resource.GetProperty("attributes");
            var ipAddress = attributes.GetProperty("ipAddress").GetString();
            if (string.IsNullOrEmpty(ipAddress))
                return null;
            return new ChannelRegistration(
                id,
                worldId,
                attributes.GetProperty("channelId").GetByte(),
                ipAddress,
                attributes.GetProperty("port").GetInt32(),
                Optional(attributes, "currentCapacity"),
                Optional(attributes, "maxCapacity"),
                now);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }

        static uint Optional(JsonElement attributes, string name) =>
            attributes.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetUInt32() : 0;
    }

    /// <summary>The world's texts, taken from the tenant template's <c>worlds[]</c> entry when it has one.</summary>
    private sealed record WorldInfo(string Name, byte State, string Message, string EventMessage, string RecommendedMessage)
    {
        public static WorldInfo From(string templateJson, byte worldId)
        {
            using var template = JsonDocument.Parse(templateJson);
            if (template.RootElement.TryGetProperty("worlds", out var worlds) && worlds.ValueKind == JsonValueKind.Array && worlds.GetArrayLength() > worldId)
            {
                var world = worlds[worldId];
                return new WorldInfo(
                    Text(world, "name", "Scania"),
                    Text(world, "flag", "") switch { "Event" => 1, "New" => 2, "Hot" => 3, _ => 0 },
                    Text(world, "serverMessage", ""),
                    Text(world, "eventMessage", ""),
                    Text(world, "whyAmIRecommended", ""));
            }

            return new WorldInfo("Scania", 0, "Welcome to the Atlas sandbox!", "", "");
        }

        public void Write(Utf8JsonWriter w)
        {
            w.WriteString("name", Name);
            w.WriteNumber("state", State);
            w.WriteString("message", Message);
            w.WriteString("eventMessage", EventMessage);
            w.WriteBoolean("recommended", RecommendedMessage.Length > 0);
            w.WriteString("recommendedMessage", RecommendedMessage);
            w.WriteNumber("capacityStatus", 0);
            w.WriteNumber("expRate", Rate);
            w.WriteNumber("mesoRate", Rate);
            w.WriteNumber("itemDropRate", Rate);
            w.WriteNumber("questExpRate", Rate);
        }

        private static string Text(JsonElement element, string name, string fallback) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;
    }
}
