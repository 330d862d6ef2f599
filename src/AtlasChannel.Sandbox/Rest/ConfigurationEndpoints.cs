using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>CONFIGURATIONS (configurations.md): the service document built from the options and the bundled tenant template.</summary>
internal static class ConfigurationEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        var options = data.Options;
        var service = ServiceDocument(options);
        var tenant = JsonApi.Single("tenants", options.TenantId.ToString(), w => WriteObjectMembers(w, data.TenantTemplateJson));

        api.MapGet("configurations/services/{id}", context => Serve(context, options.ServiceId, service));
        api.MapGet("configurations/tenants/{id}", context => Serve(context, options.TenantId, tenant));
    }

    // The configuration service answers an unknown id with 500 and no body, not 404.
    private static Task Serve(HttpContext context, Guid expected, byte[] document) =>
        !Http.TryRoute(context, "id", out Guid id) ? Http.Empty(context, StatusCodes.Status400BadRequest)
        : id != expected ? Http.Empty(context, StatusCodes.Status500InternalServerError)
        : Http.Json(context, document);

    private static byte[] ServiceDocument(SandboxOptions options) =>
        JsonApi.Single("services", options.ServiceId.ToString(), w =>
        {
            w.WriteStartArray("tasks");
            w.WriteStartObject();
            w.WriteString("type", "timeout");
            w.WriteNumber("interval", options.TimeoutTaskInterval);
            w.WriteNumber("duration", options.TimeoutTaskDuration);
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartArray("tenants");
            w.WriteStartObject();
            w.WriteString("id", options.TenantId.ToString());
            w.WriteString("ipAddress", options.ChannelIpAddress);
            w.WriteStartArray("worlds");
            w.WriteStartObject();
            w.WriteNumber("id", options.WorldId);
            w.WriteStartArray("channels");
            for (var channel = 0; channel < options.ChannelCount; channel++)
            {
                w.WriteStartObject();
                w.WriteNumber("id", channel);
                w.WriteNumber("port", options.FirstChannelPort + channel);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        });

    private static void WriteObjectMembers(Utf8JsonWriter writer, string objectJson)
    {
        using var document = JsonDocument.Parse(objectJson);
        foreach (var property in document.RootElement.EnumerateObject())
            property.WriteTo(writer);
    }
}
