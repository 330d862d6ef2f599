using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts.Json;

/// <summary>Reads and writes <see cref="DateTimeOffset"/> as Go's <c>time.Time</c> JSON (see <see cref="GoTime"/>).</summary>
public sealed class GoTimeConverter : JsonConverter<DateTimeOffset>
{
    // Go's time.Time.UnmarshalJSON treats a JSON null as "leave unchanged", i.e. the zero time.
    public override bool HandleNull => true;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return GoTime.Zero;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected an RFC 3339 time string, got {reader.TokenType}");

        Span<char> buffer = stackalloc char[64];
        var length = reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length
            ? -1
            : reader.CopyString(buffer);
        if (length < 0 || !GoTime.TryParse(buffer[..length], out var value))
            throw new JsonException("invalid RFC 3339 time");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[40];
        writer.WriteStringValue(buffer[..GoTime.Format(value, buffer)]);
    }
}
