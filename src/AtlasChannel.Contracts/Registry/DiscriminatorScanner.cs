using System.Text.Json;

namespace AtlasChannel.Contracts;

/// <summary>
/// Finds the discriminator of a message with one forward pass of <see cref="Utf8JsonReader"/> (no DOM, no second
/// deserialisation). Like Go, the key matches case-insensitively and the last occurrence wins; the pass also
/// validates the whole document.
/// </summary>
internal static class DiscriminatorScanner
{
    public static DiscriminatorScan Scan(ReadOnlySpan<byte> utf8Json, string propertyName)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read())
                return DiscriminatorScan.Invalid("empty value");
            if (reader.TokenType != JsonTokenType.StartObject)
                return DiscriminatorScan.Invalid($"value is a JSON {reader.TokenType}, not an object");

            string? found = null;
            var present = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                    continue;

                var matches = NameMatches(ref reader, propertyName);
                reader.Read();
                if (!matches)
                    continue;

                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        found = reader.GetString();
                        present = true;
                        break;
                    case JsonTokenType.Null:
                        break; // Go leaves a string unchanged on null.
                    default:
                        return DiscriminatorScan.Invalid($"'{propertyName}' is a JSON {reader.TokenType}, not a string");
                }
            }

            return present ? DiscriminatorScan.Found(found!) : DiscriminatorScan.Missing;
        }
        catch (JsonException ex)
        {
            return DiscriminatorScan.Invalid(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 inside a string surfaces from GetString as InvalidOperationException.
            return DiscriminatorScan.Invalid(ex.Message);
        }
    }

    private static bool NameMatches(ref Utf8JsonReader reader, string propertyName)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            if (name.Length != propertyName.Length)
                return false;
            for (var i = 0; i < name.Length; i++)
            {
                if (char.ToLowerInvariant((char)name[i]) != char.ToLowerInvariant(propertyName[i]))
                    return false;
            }

            return true;
        }

        return string.Equals(reader.GetString(), propertyName, StringComparison.OrdinalIgnoreCase);
    }
}

internal readonly record struct DiscriminatorScan(DiscriminatorScanOutcome Outcome, string? Value, string? Error)
{
    public static DiscriminatorScan Missing => new(DiscriminatorScanOutcome.Missing, null, null);

    public static DiscriminatorScan Found(string value) => new(DiscriminatorScanOutcome.Found, value, null);

    public static DiscriminatorScan Invalid(string error) => new(DiscriminatorScanOutcome.Invalid, null, error);
}

internal enum DiscriminatorScanOutcome
{
    Found,
    Missing,
    Invalid,
}
