using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts;

/// <summary>
/// The contract catalogue: every (topic, type) of every family, decoded and serialised with source-generated
/// metadata (<see cref="ContractJsonContext"/>) under Go <c>encoding/json</c> rules.
/// </summary>
public sealed class ContractRegistry : IContractRegistry
{
    private static readonly Lazy<ContractRegistry> Shared = new(() => new ContractRegistry());

    private readonly IReadOnlyDictionary<string, TopicContract> topics;
    private readonly Dictionary<Type, JsonTypeInfo> typeInfoByRecord = [];

    public ContractRegistry()
    {
        var options = new JsonSerializerOptions(ContractJsonContext.Default.Options) { Encoder = GoJsonEncoder.Instance };
        options.MakeReadOnly();
        Options = options;

        var catalog = new ContractCatalogBuilder(options);
        ContractFamilies.RegisterAll(catalog);
        topics = catalog.Topics;

        Registrations = [.. topics.Values.SelectMany(t => t.Registrations)];
        foreach (var registration in Registrations)
            typeInfoByRecord.TryAdd(registration.RecordType, registration.TypeInfo);
    }

    /// <summary>A process-wide instance (the registry is immutable and thread-safe).</summary>
    public static ContractRegistry Default => Shared.Value;

    /// <summary>Every (topic, type) registration.</summary>
    public IReadOnlyList<ContractRegistration> Registrations { get; }

    /// <summary>Every topic token known to the registry.</summary>
    public IEnumerable<string> TopicTokens => topics.Keys;

    /// <summary>The serializer options in use (source-generated metadata, Go escaping). Read-only.</summary>
    public JsonSerializerOptions Options { get; }

    public bool IsKnownTopic(string topicToken) => topics.ContainsKey(topicToken);

    /// <summary>The registration for (topic, type); <paramref name="type"/> is ignored for untyped topics.</summary>
    public ContractRegistration? Find(string topicToken, string? type)
    {
        if (!topics.TryGetValue(topicToken, out var contract))
            return null;
        if (contract.Untyped is { } untyped)
            return untyped;
        return type is not null && contract.ByType.TryGetValue(type, out var registration) ? registration : null;
    }

    /// <summary>Registrations that use <paramref name="recordType"/> (several types may share one record).</summary>
    public IEnumerable<ContractRegistration> FindByRecordType(Type recordType) =>
        Registrations.Where(r => r.RecordType == recordType);

    /// <summary>Readable name of a record type, e.g. <c>AssetStatusEvent&lt;AssetDataBody&gt;</c>.</summary>
    public static string FormatTypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsGenericType)
            return type.Name;

        var name = new StringBuilder(type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]).Append('<');
        name.AppendJoin(", ", type.GetGenericArguments().Select(FormatTypeName));
        return name.Append('>').ToString();
    }

    public DecodeResult Decode(string topicToken, ReadOnlySpan<byte> utf8Json)
    {
        if (topicToken is null || !topics.TryGetValue(topicToken, out var contract))
            return DecodeResult.Fail(DecodeStatus.UnknownTopic, null, $"unknown topic '{topicToken}'");

        string? type = null;
        ContractRegistration registration;
        if (contract.Untyped is { } untyped)
        {
            registration = untyped;
        }
        else
        {
            var scan = DiscriminatorScanner.Scan(utf8Json, contract.Discriminator!);
            switch (scan.Outcome)
            {
                case DiscriminatorScanOutcome.Invalid:
                    return DecodeResult.Fail(DecodeStatus.Undecodable, null, scan.Error!);
                case DiscriminatorScanOutcome.Missing:
                    return DecodeResult.Fail(DecodeStatus.UnknownType, null, $"no '{contract.Discriminator}' in message");
            }

            type = scan.Value!;
            if (!contract.ByType.TryGetValue(type, out registration!))
                return DecodeResult.Fail(DecodeStatus.UnknownType, type, $"unknown {contract.Discriminator} '{type}' on {topicToken}");
        }

        try
        {
            var message = JsonSerializer.Deserialize(utf8Json, registration.TypeInfo);
            return message is null
                ? DecodeResult.Fail(DecodeStatus.Undecodable, type, "value is null")
                : DecodeResult.Ok(type, message);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            return DecodeResult.Fail(DecodeStatus.Undecodable, type, ex.Message);
        }
    }

    public byte[] Serialize(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!typeInfoByRecord.TryGetValue(message.GetType(), out var typeInfo))
            throw new ArgumentException($"{FormatTypeName(message.GetType())} is not a registered contract record", nameof(message));
        return JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);
    }

    private static bool IsDecodeFailure(Exception ex) =>
        ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException;
}
