using System.Text.Json;

namespace AtlasChannel.Peers;

/// <summary>
/// Small, allocation-light readers for peer documents the host parses by hand (no reflection). Peer input is
/// untrusted: a missing key, a wrong JSON kind or a value outside the wanted type's range is "not there" (null /
/// false), never an exception.
/// </summary>
internal static class JsonElementReading
{
    public static JsonElement Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? StringOrNull(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? LongOrNull(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static bool TryUInt32(this JsonElement element, string name, out uint value)
    {
        value = 0;
        return element.Property(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetUInt32(out value);
    }

    public static bool TryInt32(this JsonElement element, string name, out int value)
    {
        value = 0;
        return element.Property(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out value);
    }

    public static bool TryInt16(this JsonElement element, string name, out short value)
    {
        value = 0;
        return element.Property(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt16(out value);
    }

    public static bool TryByte(this JsonElement element, string name, out byte value)
    {
        value = 0;
        return element.Property(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetByte(out value);
    }

    public static bool TrySByte(this JsonElement element, string name, out sbyte value)
    {
        value = 0;
        return element.Property(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetSByte(out value);
    }

    public static bool TryBool(this JsonElement element, string name, out bool value)
    {
        var kind = element.Property(name).ValueKind;
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    public static bool TryString(this JsonElement element, string name, out string value)
    {
        var text = element.StringOrNull(name);
        value = text ?? "";
        return text is not null;
    }
}
