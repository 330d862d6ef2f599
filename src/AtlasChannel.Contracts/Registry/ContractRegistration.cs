using System.Text.Json.Serialization.Metadata;

namespace AtlasChannel.Contracts;

/// <summary>
/// One (topic, type) of the contract. <see cref="Type"/> is the discriminator value (<c>type</c>, <c>status</c> for
/// account status, <c>sagaType</c> for saga commands), or null for untyped topics.
/// </summary>
public sealed record ContractRegistration(
    string Topic,
    string? Type,
    Type RecordType,
    MessageDirection Direction,
    MessageKey Key)
{
    /// <summary>Readable record type name, e.g. <c>AssetStatusEvent&lt;AssetDataBody&gt;</c>.</summary>
    public string RecordTypeName => ContractRegistry.FormatTypeName(RecordType);

    internal JsonTypeInfo TypeInfo { get; init; } = null!;
}
