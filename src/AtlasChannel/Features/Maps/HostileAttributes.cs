using System.Globalization;
using System.Text.Json;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// Range-checked readers for peer attributes that are treated as untrusted: a missing key, a wrong JSON kind or a value
/// outside the wire type's range is "not there" (false), never an exception.
/// </summary>
internal static class HostileAttributes
{
    public static bool TryUInt32(this JsonElement a, string name, out uint value)
    {
        value = 0;
        return a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetUInt32(out value);
    }

    public static bool TryInt32(this JsonElement a, string name, out int value)
    {
        value = 0;
        return a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
    }

    public static bool TryInt16(this JsonElement a, string name, out short value)
    {
        value = 0;
        return a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt16(out value);
    }

    public static bool TryByte(this JsonElement a, string name, out byte value)
    {
        value = 0;
        return a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetByte(out value);
    }

    public static bool TrySByte(this JsonElement a, string name, out sbyte value)
    {
        value = 0;
        return a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetSByte(out value);
    }

    public static bool TryBool(this JsonElement a, string name, out bool value)
    {
        value = false;
        if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty(name, out var v) || v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return false;
        value = v.ValueKind == JsonValueKind.True;
        return true;
    }

    public static bool TryString(this JsonElement a, string name, out string value)
    {
        value = "";
        if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String)
            return false;
        value = v.GetString() ?? "";
        return true;
    }

    /// <summary>
    /// The resource's field identity (worldId, channelId, mapId, instance), where present, must be the entered field;
    /// the Go client decodes and drops these, so a missing one is accepted.
    /// </summary>
    public static bool InField(this JsonElement a, FieldOfEntry field)
    {
        if (a.ValueKind != JsonValueKind.Object)
            return false;
        if (a.TryGetProperty("worldId", out _) && (!a.TryByte("worldId", out var world) || world != field.WorldId))
            return false;
        if (a.TryGetProperty("channelId", out _) && (!a.TryByte("channelId", out var channel) || channel != field.ChannelId))
            return false;
        if (a.TryGetProperty("mapId", out _) && (!a.TryUInt32("mapId", out var map) || map != field.MapId))
            return false;
        if (a.TryGetProperty("instance", out _) && (!a.TryString("instance", out var text) || !Guid.TryParse(text, out var instance) || instance != field.Instance))
            return false;
        return true;
    }

    /// <summary>A JSON:API id that must be a plain decimal uint32.</summary>
    public static bool TryId(string id, out uint value) =>
        uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
