using System.Text.Json;

namespace AtlasChannel.Contracts;

/// <summary>Collects the registrations each family declares (see the <c>Register</c> method in every family file).</summary>
internal sealed class ContractCatalogBuilder(JsonSerializerOptions options)
{
    private readonly Dictionary<string, TopicContract> topics = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TopicContract> Topics => topics;

    /// <summary>A topic whose messages carry a string discriminator (<c>type</c> unless stated).</summary>
    public TopicBuilder Typed(string topic, MessageDirection direction, MessageKey key, string discriminator = "type") =>
        new(this, NewTopic(topic, discriminator), direction, key);

    /// <summary>A topic with a single untyped shape (no discriminator at all).</summary>
    public void Untyped<TRecord>(string topic, MessageDirection direction, MessageKey key)
    {
        var contract = NewTopic(topic, discriminator: null);
        contract.Untyped = Registration<TRecord>(topic, null, direction, key);
    }

    internal ContractRegistration Registration<TRecord>(string topic, string? type, MessageDirection direction, MessageKey key) =>
        new(topic, type, typeof(TRecord), direction, key) { TypeInfo = options.GetTypeInfo(typeof(TRecord)) };

    private TopicContract NewTopic(string topic, string? discriminator)
    {
        var contract = new TopicContract(topic, discriminator);
        if (!topics.TryAdd(topic, contract))
            throw new InvalidOperationException($"topic {topic} registered twice");
        return contract;
    }
}

internal sealed class TopicBuilder(ContractCatalogBuilder catalog, TopicContract contract, MessageDirection direction, MessageKey key)
{
    public TopicBuilder Add<TRecord>(string type, MessageDirection? directionOverride = null, MessageKey? keyOverride = null)
    {
        var registration = catalog.Registration<TRecord>(contract.Token, type, directionOverride ?? direction, keyOverride ?? key);
        if (!contract.ByType.TryAdd(type, registration))
            throw new InvalidOperationException($"{contract.Token} type {type} registered twice");
        return this;
    }
}

internal sealed class TopicContract(string token, string? discriminator)
{
    public string Token { get; } = token;

    /// <summary>JSON property holding the discriminator, or null for untyped topics.</summary>
    public string? Discriminator { get; } = discriminator;

    /// <summary>Go handlers compare the discriminator exactly, so lookups are ordinal.</summary>
    public Dictionary<string, ContractRegistration> ByType { get; } = new(StringComparer.Ordinal);

    public ContractRegistration? Untyped { get; set; }

    public IEnumerable<ContractRegistration> Registrations => Untyped is null ? ByType.Values : [Untyped];
}
