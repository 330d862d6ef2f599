using System.Text.Json;
using System.Text.Json.Serialization;
using AtlasChannel.Contracts;

namespace AtlasChannel.Messaging.Tests;

public sealed record PingBody(int Seq, string Note);

/// <summary>A typed envelope like the Atlas status events: scope field, <c>type</c>, <c>body</c>.</summary>
public sealed record PingEvent(int CharacterId, string Type, PingBody Body)
{
    public const string TypeName = "PING";

    public static PingEvent Create(int characterId, int seq, string note = "") => new(characterId, TypeName, new PingBody(seq, note));
}

public sealed record PongEvent(int CharacterId, string Type, PingBody Body)
{
    public const string TypeName = "PONG";

    public static PongEvent Create(int characterId, int seq) => new(characterId, TypeName, new PingBody(seq, string.Empty));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PingEvent))]
[JsonSerializable(typeof(PongEvent))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>Test-only registry: every topic carries PING/PONG envelopes.</summary>
internal sealed class TestContractRegistry : IContractRegistry
{
    public static readonly TestContractRegistry Instance = new();

    public DecodeResult Decode(string topicToken, ReadOnlySpan<byte> utf8Json)
    {
        string? type;
        try
        {
            type = ReadType(utf8Json);
        }
        catch (JsonException ex)
        {
            return DecodeResult.Fail(DecodeStatus.Undecodable, null, ex.Message);
        }

        try
        {
            return type switch
            {
                PingEvent.TypeName => Ok(type, JsonSerializer.Deserialize(utf8Json, TestJsonContext.Default.PingEvent)),
                PongEvent.TypeName => Ok(type, JsonSerializer.Deserialize(utf8Json, TestJsonContext.Default.PongEvent)),
                _ => DecodeResult.Fail(DecodeStatus.UnknownType, type, "unknown type"),
            };
        }
        catch (JsonException ex)
        {
            return DecodeResult.Fail(DecodeStatus.Undecodable, type, ex.Message);
        }
    }

    public byte[] Serialize(object message) => message switch
    {
        PingEvent ping => JsonSerializer.SerializeToUtf8Bytes(ping, TestJsonContext.Default.PingEvent),
        PongEvent pong => JsonSerializer.SerializeToUtf8Bytes(pong, TestJsonContext.Default.PongEvent),
        _ => throw new ArgumentException("not a test contract: " + message.GetType()),
    };

    public bool IsKnownTopic(string topicToken) => true;

    private static DecodeResult Ok(string type, object? message) =>
        message is null ? DecodeResult.Fail(DecodeStatus.Undecodable, type, "null") : DecodeResult.Ok(type, message);

    private static string? ReadType(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("not an object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("type is not a string");
            reader.Skip();
        }

        return null;
    }
}
