using System.Globalization;
using System.Text.Json;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// Compares two JSON documents the way a Go receiver would see them: same property names (exact case) and values,
/// property order ignored, numbers by value, and strings that are both RFC 3339 times compared at 100 ns (the
/// precision kept by <see cref="GoTime"/>).
/// </summary>
public static class JsonSemanticComparer
{
    /// <summary>The JSON path of the first difference (e.g. <c>$.body.items[1].amount</c>), or null when equal.</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual) => Compare(expected, actual, "$");

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
            return path;

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return CompareObjects(expected, actual, path);
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                    return path;
                var index = 0;
                using (var right = actual.EnumerateArray())
                {
                    foreach (var left in expected.EnumerateArray())
                    {
                        right.MoveNext();
                        if (Compare(left, right.Current, $"{path}[{index++}]") is { } difference)
                            return difference;
                    }
                }

                return null;
            case JsonValueKind.String:
                return StringsEqual(expected.GetString()!, actual.GetString()!) ? null : path;
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual) ? null : path;
            default:
                return null; // true / false / null: equal kinds are equal values
        }
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, string path)
    {
        var actualProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in actual.EnumerateObject())
            actualProperties[property.Name] = property.Value;

        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in expected.EnumerateObject())
        {
            expectedNames.Add(property.Name);
            var propertyPath = $"{path}.{property.Name}";
            if (!actualProperties.TryGetValue(property.Name, out var value))
                return propertyPath;
            if (Compare(property.Value, value, propertyPath) is { } difference)
                return difference;
        }

        var extra = actualProperties.Keys.FirstOrDefault(name => !expectedNames.Contains(name));
        return extra is null ? null : $"{path}.{extra}";
    }

    private static bool StringsEqual(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
            return true;
        return GoTime.TryParse(expected, out var left) && GoTime.TryParse(actual, out var right) &&
               left.UtcTicks == right.UtcTicks && left.Offset == right.Offset;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        var left = expected.GetRawText();
        var right = actual.GetRawText();
        if (string.Equals(left, right, StringComparison.Ordinal))
            return true;
        return decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) &&
               decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && l == r;
    }
}
