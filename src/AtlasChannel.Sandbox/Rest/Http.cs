using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>Response and route-value helpers shared by the endpoint groups.</summary>
internal static class Http
{
    public static Task Json(HttpContext context, byte[] body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>A status with an empty body, as the Go services answer errors.</summary>
    public static Task Empty(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task JsonOrNotFound(HttpContext context, byte[]? body) =>
        body is null ? Empty(context, StatusCodes.Status404NotFound) : Json(context, body);

    public static bool TryRoute(HttpContext context, string name, out uint value)
    {
        value = 0;
        return context.Request.RouteValues.TryGetValue(name, out var raw) && raw is string text &&
               uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryRoute(HttpContext context, string name, out byte value)
    {
        value = 0;
        return context.Request.RouteValues.TryGetValue(name, out var raw) && raw is string text &&
               byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryRoute(HttpContext context, string name, out Guid value)
    {
        value = Guid.Empty;
        return context.Request.RouteValues.TryGetValue(name, out var raw) && raw is string text &&
               Guid.TryParseExact(text, "D", out value);
    }

    public static bool TryQuery(HttpContext context, string name, out uint value)
    {
        value = 0;
        return context.Request.Query.TryGetValue(name, out var raw) && raw.Count == 1 &&
               uint.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static string Text(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
