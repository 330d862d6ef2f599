using System.Text.Json;
using System.Text.Json.Serialization;
using AtlasChannel.Contracts;

namespace AtlasChannel.Benchmarks.Messaging;

public sealed record BenchBody(uint MapId, int Instance, string Name, short X, short Y, byte Stance, string Message);

/// <summary>A field-scoped status event, ~200 bytes of JSON.</summary>
public sealed record BenchEvent(byte WorldId, byte ChannelId, int CharacterId, string Type, BenchBody Body)
{
    public const string TypeName = "CHARACTER_MOVED";

    public static BenchEvent Create(int characterId) => new(
        1,
        2,
        characterId,
        TypeName,
        new BenchBody(100000000, 0, "BenchmarkHero", -120, 345, 4, "moving through the henesys market"));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(BenchEvent))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>Benchmark-local registry: one topic type, decoded the way a real registry would (peek type, then deserialise).</summary>
internal sealed class BenchContractRegistry : IContractRegistry
{
    public DecodeResult Decode(string topicToken, ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var type = PeekType(utf8Json);
            if (type != BenchEvent.TypeName)
                return DecodeResult.Fail(DecodeStatus.UnknownType, type, "unknown type");
            var message = JsonSerializer.Deserialize(utf8Json, BenchJsonContext.Default.BenchEvent);
            return message is null ? DecodeResult.Fail(DecodeStatus.Undecodable, type, "null") : DecodeResult.Ok(BenchEvent.TypeName, message);
        }
        catch (JsonException ex)
        {
            return DecodeResult.Fail(DecodeStatus.Undecodable, null, ex.Message);
        }
    }

    public byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes((BenchEvent)message, BenchJsonContext.Default.BenchEvent);

    public bool IsKnownTopic(string topicToken) => true;

    private static string? PeekType(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                return reader.ValueTextEquals(BenchEvent.TypeName) ? BenchEvent.TypeName : reader.GetString();
            }

            reader.Read();
            reader.Skip();
        }

        return null;
    }
}
