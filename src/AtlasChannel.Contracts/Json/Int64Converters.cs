using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// Go <c>int64</c> with the <c>,string</c> tag (asset <c>cashId</c>): written as a JSON string holding the number.
/// Reads the string form and, leniently, a bare number (Go would reject the number; we accept what peers may send).
/// </summary>
public sealed class Int64AsStringConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FlexibleInt64.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }
}

/// <summary>Plain Go <c>int64</c> number (cash-compartment <c>cashId</c>) that also accepts the quoted form on read.</summary>
public sealed class Int64AcceptingStringConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FlexibleInt64.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

internal static class FlexibleInt64
{
    public static long Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.String when !reader.HasValueSequence && !reader.ValueIsEscaped &&
                                           IsPlainInteger(reader.ValueSpan) &&
                                           Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) &&
                                           consumed == reader.ValueSpan.Length:
                return parsed;
            default:
                throw new JsonException("expected an int64 as a number or a numeric string");
        }
    }

    private static bool IsPlainInteger(ReadOnlySpan<byte> text)
    {
        var digits = text is [(byte)'-', ..] ? text[1..] : text;
        if (digits.IsEmpty)
            return false;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
        }

        return true;
    }
}
