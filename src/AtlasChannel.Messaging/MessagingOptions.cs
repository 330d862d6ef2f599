namespace AtlasChannel.Messaging;

/// <summary>Settings for both transports; plain properties so it can be bound from configuration.</summary>
public sealed class MessagingOptions
{
    /// <summary>Kafka bootstrap address (env <c>BOOTSTRAP_SERVERS</c> in the reference deployment).</summary>
    public string BootstrapServers { get; set; } = "localhost:9092";

    /// <summary>Channel service configuration id; the consumer group is <c>Channel Service - {ServiceId}</c>.</summary>
    public string ServiceId { get; set; } = string.Empty;

    /// <summary>Tenants hosted by this process; messages for any other tenant are dropped from the headers alone.</summary>
    public IList<Tenant> ServedTenants { get; set; } = [];

    /// <summary>Per-topic tenant filter overrides; topics not listed use <see cref="TenantFilterPolicy.FullMatch"/>.</summary>
    public IDictionary<string, TenantFilterPolicy> TenantFilterPolicies { get; set; } = new Dictionary<string, TenantFilterPolicy>(StringComparer.Ordinal)
    {
        [TopicTokens.ChannelStatusCommand] = TenantFilterPolicy.IdOnly,
        [TopicTokens.TransportStatusEvent] = TenantFilterPolicy.None,
    };

    /// <summary>Topics read from the earliest offset when the group has no committed offset; all others start at the end.</summary>
    public ISet<string> EarliestOffsetTopics { get; set; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TopicTokens.AccountSessionStatusEvent,
        TopicTokens.NoteStatusEvent,
    };

    /// <summary>Number of ordered dispatch lanes; 0 means 2 × processor count.</summary>
    public int LaneCount { get; set; }

    /// <summary>Messages buffered per lane before the consumer stops reading (backpressure).</summary>
    public int LaneCapacity { get; set; } = 1024;

    /// <summary>How long stop waits for lanes to drain and the producer to flush.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>librdkafka <c>message.timeout.ms</c>: how long a command may wait for a broker before it is reported failed.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often stored (handled) offsets are committed.</summary>
    public TimeSpan AutoCommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Raw librdkafka consumer properties applied last (tests tune session timeouts here).</summary>
    public IDictionary<string, string> ConsumerSettings { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Raw librdkafka producer properties applied last.</summary>
    public IDictionary<string, string> ProducerSettings { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal int EffectiveLaneCount => LaneCount > 0 ? LaneCount : 2 * Environment.ProcessorCount;

    internal string GroupId => $"Channel Service - {ServiceId}";
}
