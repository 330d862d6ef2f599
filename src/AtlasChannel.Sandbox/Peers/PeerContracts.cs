using System.Text.Json;
using System.Text.Json.Serialization;
using AtlasChannel.Contracts;

namespace AtlasChannel.Sandbox.Peers;

public static class CharacterSessionStatusTypes
{
    public const string Login = "LOGIN";
    public const string Logout = "LOGOUT";
}

/// <summary>Body of the character service's <c>LOGIN</c> and <c>LOGOUT</c> status events.</summary>
public sealed record CharacterSessionBody
{
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
}

/// <summary>
/// Messages the sandbox's peers emit that the channel ignores, so the contract registry does not know them
/// (spec/kafka/character.md lists LOGIN/LOGOUT as "ignored by the channel"). Shapes follow the character service.
/// </summary>
public static class PeerContracts
{
    public static bool IsPeerOnly(Type recordType) => recordType == typeof(CharacterStatusEvent<CharacterSessionBody>);

    public static bool IsPeerOnly(string topicToken, string? type) =>
        topicToken == Topics.EventCharacterStatus && type is CharacterSessionStatusTypes.Login or CharacterSessionStatusTypes.Logout;

    public static byte[] Serialize(object message) => message switch
    {
        CharacterStatusEvent<CharacterSessionBody> e => JsonSerializer.SerializeToUtf8Bytes(e, PeerJsonContext.Default.CharacterStatusEventCharacterSessionBody),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a peer-only record", nameof(message)),
    };

    public static object? Deserialize(string topicToken, string? type, ReadOnlySpan<byte> utf8Json) =>
        IsPeerOnly(topicToken, type)
            ? JsonSerializer.Deserialize(utf8Json, PeerJsonContext.Default.CharacterStatusEventCharacterSessionBody)
            : null;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CharacterStatusEvent<CharacterSessionBody>))]
internal sealed partial class PeerJsonContext : JsonSerializerContext;
