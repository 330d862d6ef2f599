using System.Text.Json;

namespace AtlasChannel.Peers;

/// <summary>Small, allocation-light readers for peer documents the host parses by hand (no reflection).</summary>
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
}
