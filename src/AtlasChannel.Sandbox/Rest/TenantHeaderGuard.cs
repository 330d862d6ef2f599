using System.Globalization;
using AtlasChannel.Messaging;
using Microsoft.AspNetCore.Http;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>
/// The tenant-scoped services' header check (rest/README.md §2): all four headers, UUID id and decimal versions, else
/// 400 with an empty body. A well-formed but foreign tenant has no data here (404). Configurations need no headers.
/// </summary>
internal sealed class TenantHeaderGuard(Tenant served)
{
    public const string TenantIdHeader = "TENANT_ID";
    public const string RegionHeader = "REGION";
    public const string MajorVersionHeader = "MAJOR_VERSION";
    public const string MinorVersionHeader = "MINOR_VERSION";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api/configurations", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (!TryRead(context.Request.Headers, out var tenant))
        {
            await Http.Empty(context, StatusCodes.Status400BadRequest);
            return;
        }

        if (tenant != served)
        {
            await Http.Empty(context, StatusCodes.Status404NotFound);
            return;
        }

        await next(context);
    }

    public static bool TryRead(IHeaderDictionary headers, out Tenant tenant)
    {
        tenant = default;
        if (!TrySingle(headers, TenantIdHeader, out var id) || !Guid.TryParse(id, out var tenantId) ||
            !TrySingle(headers, RegionHeader, out var region) || region.Length == 0 ||
            !TrySingle(headers, MajorVersionHeader, out var major) || !ushort.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var majorVersion) ||
            !TrySingle(headers, MinorVersionHeader, out var minor) || !ushort.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var minorVersion))
            return false;
        tenant = new Tenant(tenantId, region, majorVersion, minorVersion);
        return true;
    }

    private static bool TrySingle(IHeaderDictionary headers, string name, out string value)
    {
        value = "";
        if (!headers.TryGetValue(name, out var values) || values.Count != 1 || values[0] is not { } text)
            return false;
        value = text;
        return true;
    }
}
