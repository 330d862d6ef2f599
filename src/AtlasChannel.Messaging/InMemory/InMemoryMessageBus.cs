using System.Threading.Channels;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging.Dispatch;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Messaging.InMemory;

/// <summary>
/// In-process transport: what is published is serialised to bytes, then filtered, decoded and dispatched exactly as
/// if it had been read from Kafka. The ingress queue plays the broker's log (unbounded, so a handler publishing to a
/// topic of this bus can never deadlock on its own lane); the lanes behind it are bounded as with Kafka.
/// </summary>
public sealed partial class InMemoryMessageBus : IMessageBus
{
    private readonly IContractRegistry _registry;
    private readonly MessagingOptions _options;
    private readonly ILogger _logger;
    private readonly MessagingStats _stats = new();
    private readonly HandlerRegistry _handlers = new();
    private readonly DispatchPipeline _pipeline;
    private readonly Channel<InboundMessage> _ingress = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true });
    private Task _pump = Task.CompletedTask;
    private int _state; // 0 created, 1 started, 2 stopped

    public InMemoryMessageBus(IContractRegistry registry, MessagingOptions options, ILoggerFactory? loggerFactory = null)
    {
        _registry = registry;
        _options = options;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<InMemoryMessageBus>();
        _pipeline = new DispatchPipeline(
            registry,
            _handlers,
            TenantFilter.From(options),
            _stats,
            options.EffectiveLaneCount,
            options.LaneCapacity,
            loggerFactory.CreateLogger<DispatchPipeline>());
    }

    public MessagingStatsSnapshot Stats => _stats.Snapshot();

    internal LaneSelector LaneSelector => _pipeline.LaneSelector;

    public IDisposable Subscribe<T>(string topicToken, Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class => _handlers.Add(topicToken, handler);

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
    {
        if (!OutboundMessage.TryEncode(_registry, _stats, _logger, topicToken, key, message, tenant, out var value, out var headers))
            return Task.FromResult(false);
        if (Volatile.Read(ref _state) == 1 && !_handlers.HasTopic(topicToken))
        {
            // Nobody in this process reads the topic (the movement command, 10k a second at 2,000 players): the pump
            // would drop it, so it skips the queue and the pump's thread-pool hop. It still was encoded and counted.
            _stats.OnPublished(topicToken);
            return Task.FromResult(true);
        }

        return Task.FromResult(Inject(topicToken, key.ToArray(), value, headers));
    }

    /// <summary>Queues already-encoded bytes as if a peer service had produced them (tests, bridges).</summary>
    public bool PublishRaw(string topicToken, byte[]? key, byte[]? value, Headers? headers) =>
        Inject(topicToken, key, value, headers ?? []);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
            throw new InvalidOperationException("The bus was already started.");
        _pipeline.Start();
        _pump = Task.Run(PumpAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
            return;
        _ingress.Writer.TryComplete();
        await _pump;
        await _pipeline.StopAsync(_options.ShutdownTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _pipeline.Dispose();
    }

    private bool Inject(string topicToken, byte[]? key, byte[]? value, Headers headers)
    {
        if (!_ingress.Writer.TryWrite(new InboundMessage(topicToken, key, headers, value)))
        {
            _stats.OnPublishFailed(topicToken);
            LogBusStopped(_logger, topicToken, MessageKeys.Describe(key), MessageKeys.DescribeValue(value));
            return false;
        }

        _stats.OnPublished(topicToken);
        return true;
    }

    private async Task PumpAsync()
    {
        var reader = _ingress.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var message))
            {
                if (_handlers.HasTopic(message.TopicToken))
                    await _pipeline.EnqueueAsync(message, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bus stopped; message for {Topic} (key {Key}) not delivered: {Content}")]
    private static partial void LogBusStopped(ILogger logger, string topic, string key, string content);
}
