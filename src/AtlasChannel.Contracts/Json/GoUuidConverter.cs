using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// Reads every text form Go's uuid package accepts and writes the lowercase canonical form. An empty string or a
/// JSON null fails, as in Go (the whole message is rejected).
/// </summary>
public sealed class GoUuidConverter : JsonConverter<Guid>
{
    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected a UUID string, got {reader.TokenType}");

        Span<char> buffer = stackalloc char[48];
        var length = reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length
            ? -1
            : reader.CopyString(buffer);
        if (length < 0 || !GoUuid.TryParse(buffer[..length], out var value))
            throw new JsonException("invalid UUID");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[36];
        value.TryFormat(buffer, out _, "D");
        writer.WriteStringValue(buffer);
    }
}
