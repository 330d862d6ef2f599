namespace AtlasChannel.Contracts;

/// <summary>
/// Maps (topic token, message <c>type</c>) to a contract record, so a Kafka value can be decoded from its
/// topic and bytes alone, and serialises records back to the exact JSON Atlas peers expect.
/// Implemented by <see cref="ContractRegistry"/>; the messaging layer only sees this interface.
/// </summary>
public interface IContractRegistry
{
    /// <summary>Decodes <paramref name="utf8Json"/> received on <paramref name="topicToken"/>. Never throws for bad input.</summary>
    DecodeResult Decode(string topicToken, ReadOnlySpan<byte> utf8Json);

    /// <summary>Serialises a contract record (any type registered with the registry) to UTF-8 JSON.</summary>
    byte[] Serialize(object message);

    /// <summary>True when the topic token is known to the registry.</summary>
    bool IsKnownTopic(string topicToken);
}

public enum DecodeStatus
{
    Decoded,
    UnknownTopic,
    UnknownType,
    Undecodable,
}

/// <summary>Result of <see cref="IContractRegistry.Decode"/>. <see cref="Type"/> is the JSON <c>type</c> discriminator when one was read.</summary>
public readonly record struct DecodeResult(DecodeStatus Status, string? Type, object? Message, string? Error)
{
    public static DecodeResult Ok(string? type, object message) => new(DecodeStatus.Decoded, type, message, null);

    public static DecodeResult Fail(DecodeStatus status, string? type, string error) => new(status, type, null, error);
}
