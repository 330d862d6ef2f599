using AtlasChannel.Contracts;
using AtlasChannel.Messaging.Dispatch;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Messaging.Kafka;

/// <summary>
/// Kafka transport: one consumer (group <c>Channel Service - {ServiceId}</c>) for every subscribed topic, feeding
/// the shared dispatch pipeline, and one idempotent producer.
/// </summary>
/// <remarks>
/// Offsets: auto-commit is on but auto-store is off; an offset is stored only once every earlier message of its
/// partition has left the pipeline (handled, filtered or skipped). This is at-least-once, where the Go service is
/// at-most-once (it commits on read). Auto-commit keeps commits off the hot path; the window of re-delivery after a
/// crash is one commit interval.
/// </remarks>
public sealed partial class KafkaMessageBus : IMessageBus
{
    private readonly MessagingOptions _options;
    private readonly ILogger _logger;
    private readonly MessagingStats _stats = new();
    private readonly HandlerRegistry _handlers = new();
    private readonly TopicResolver _topics;
    private readonly DispatchPipeline _pipeline;
    private readonly KafkaCommandPublisher _publisher;
    private readonly ILoggerFactory _loggerFactory;
    private KafkaConsumerLoop? _consumer;
    private int _state; // 0 created, 1 started, 2 stopped

    public KafkaMessageBus(IContractRegistry registry, MessagingOptions options, ILoggerFactory? loggerFactory = null, TopicResolver? topics = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ServiceId))
            throw new ArgumentException("A service id is required (consumer group 'Channel Service - {id}').", nameof(options));

        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<KafkaMessageBus>();
        _topics = topics ?? new TopicResolver(_loggerFactory.CreateLogger<TopicResolver>());
        _pipeline = new DispatchPipeline(
            registry,
            _handlers,
            TenantFilter.From(options),
            _stats,
            options.EffectiveLaneCount,
            options.LaneCapacity,
            _loggerFactory.CreateLogger<DispatchPipeline>());
        _publisher = new KafkaCommandPublisher(options, registry, _topics, _stats, _loggerFactory.CreateLogger<KafkaCommandPublisher>());
        _handlers.NewTopicGuard = token =>
        {
            if (Volatile.Read(ref _state) != 0)
                throw new InvalidOperationException($"Topic {token} cannot be subscribed after the Kafka bus started.");
        };
    }

    public MessagingStatsSnapshot Stats => _stats.Snapshot();

    /// <summary>Completes once every subscribed partition is assigned and read to its end (readiness; tests).</summary>
    public Task CaughtUp => _consumer?.CaughtUp ?? Task.CompletedTask;

    internal LaneSelector LaneSelector => _pipeline.LaneSelector;

    internal long? CommittedOffset(string topicToken, int partition) => _consumer?.CommittedOffset(_topics.Resolve(topicToken), partition);

    public IDisposable Subscribe<T>(string topicToken, Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class => _handlers.Add(topicToken, handler);

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default) =>
        _publisher.PublishAsync(topicToken, key, message, tenant, cancellationToken);

    /// <summary>Produces already-encoded bytes as a peer service would (tests, bridges).</summary>
    public Task<bool> PublishRawAsync(string topicToken, byte[]? key, byte[] value, Headers? headers, CancellationToken cancellationToken = default) =>
        _publisher.ProduceAsync(topicToken, new Message<byte[], byte[]> { Key = key!, Value = value, Headers = headers ?? [] }, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
            throw new InvalidOperationException("The bus was already started.");

        var tokens = _handlers.Topics.ToArray();
        _topics.ResolveAll(tokens);
        _pipeline.Start();
        if (tokens.Length > 0)
        {
            _consumer = new KafkaConsumerLoop(_options, tokens, _topics, _pipeline, _loggerFactory.CreateLogger<KafkaConsumerLoop>());
            _consumer.Start();
        }

        LogStarted(_logger, _options.GroupId, tokens.Length);
        return Task.CompletedTask;
    }

    /// <summary>Stops reading, drains the lanes, commits, then flushes the producer — each bounded by the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
            return;

        if (_consumer is { } consumer)
            await consumer.StopPollingAsync();
        await _pipeline.StopAsync(_options.ShutdownTimeout);
        if (_consumer is { } closing)
            await Task.Run(closing.Close, CancellationToken.None);
        await _publisher.FlushAsync(_options.ShutdownTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _consumer?.Dispose();
        _publisher.Dispose();
        _pipeline.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka bus started as group '{GroupId}' on {TopicCount} topics.")]
    private static partial void LogStarted(ILogger logger, string groupId, int topicCount);
}
