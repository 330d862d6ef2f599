using Confluent.Kafka;

namespace AtlasChannel.Messaging;

/// <summary>A decoded message as handed to a handler.</summary>
/// <param name="TopicToken">The topic token (not the resolved Kafka name).</param>
/// <param name="Type">The JSON <c>type</c> discriminator, when the contract has one.</param>
/// <param name="Tenant">Tenant parsed from the headers (possibly all-zero when the topic does no tenant check).</param>
/// <param name="Key">Raw key bytes.</param>
/// <param name="Headers">All headers as received.</param>
/// <param name="Message">The decoded contract record.</param>
public sealed record ConsumedMessage<T>(
    string TopicToken,
    string? Type,
    Tenant Tenant,
    ReadOnlyMemory<byte> Key,
    Headers Headers,
    T Message)
    where T : class;
