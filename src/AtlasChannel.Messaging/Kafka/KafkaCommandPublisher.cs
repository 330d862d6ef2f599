using System.Diagnostics;
using AtlasChannel.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging.Kafka;

/// <summary>
/// Idempotent, acks=all producer. Each publish completes on its delivery report; librdkafka retries transient
/// broker failures until <see cref="MessagingOptions.DeliveryTimeout"/>, after which the command is logged with its
/// topic, key and content.
/// </summary>
internal sealed partial class KafkaCommandPublisher : ICommandPublisher, IDisposable
{
    private static readonly TimeSpan QueueFullBackoff = TimeSpan.FromMilliseconds(5);

    private readonly IContractRegistry _registry;
    private readonly TopicResolver _topics;
    private readonly MessagingStats _stats;
    private readonly ILogger _logger;
    private readonly IProducer<byte[], byte[]> _producer;

    public KafkaCommandPublisher(MessagingOptions options, IContractRegistry registry, TopicResolver topics, MessagingStats stats, ILogger logger)
    {
        _registry = registry;
        _topics = topics;
        _stats = stats;
        _logger = logger;
        _producer = new ProducerBuilder<byte[], byte[]>(CreateConfig(options))
            .SetLogHandler((_, log) => KafkaLog.Write(logger, log))
            .SetErrorHandler((_, error) => KafkaLog.Error(logger, "producer", error))
            .Build();
    }

    internal static ProducerConfig CreateConfig(MessagingOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = $"atlas-channel-{options.ServiceId}",
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
            EnableDeliveryReports = true,
            DeliveryReportFields = "status",
        };
        foreach (var (name, value) in options.ProducerSettings)
            config.Set(name, value);
        return config;
    }

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
    {
        if (!OutboundMessage.TryEncode(_registry, _stats, _logger, topicToken, key, message, tenant, out var value, out var headers))
            return Task.FromResult(false);
        return ProduceAsync(topicToken, new Message<byte[], byte[]> { Key = KeyBytes(key), Value = value, Headers = headers }, cancellationToken);
    }

    /// <summary>Produces pre-encoded bytes (tests, bridges); same delivery semantics and failure logging.</summary>
    public Task<bool> ProduceAsync(string topicToken, Message<byte[], byte[]> message, CancellationToken cancellationToken = default)
    {
        var topic = _topics.Resolve(topicToken);
        var delivered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDelivery(DeliveryReport<byte[], byte[]> report)
        {
            if (report.Error.IsError)
            {
                _stats.OnPublishFailed(topicToken);
                LogDeliveryFailed(_logger, topic, MessageKeys.Describe(message.Key), report.Error.Reason, MessageKeys.DescribeValue(message.Value));
                delivered.TrySetResult(false);
            }
            else
            {
                _stats.OnPublished(topicToken);
                delivered.TrySetResult(true);
            }
        }

        return ProduceWithBackoffAsync(topic, topicToken, message, OnDelivery, delivered, cancellationToken);
    }

    public async Task<int> FlushAsync(TimeSpan deadline)
    {
        var remaining = await Task.Run(() => _producer.Flush(deadline));
        if (remaining > 0)
            LogUndeliveredAtShutdown(_logger, remaining, deadline);
        return remaining;
    }

    public void Dispose() => _producer.Dispose();

    private Task<bool> ProduceWithBackoffAsync(
        string topic,
        string topicToken,
        Message<byte[], byte[]> message,
        Action<DeliveryReport<byte[], byte[]>> onDelivery,
        TaskCompletionSource<bool> delivered,
        CancellationToken cancellationToken)
    {
        try
        {
            _producer.Produce(topic, message, onDelivery);
            return delivered.Task;
        }
        catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
        {
            return RetryWhileQueueFullAsync(topic, topicToken, message, onDelivery, delivered, cancellationToken);
        }
#pragma warning disable CA1031 // Publishing never throws; the failure is logged with its content.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(Failed(topic, topicToken, message, ex));
        }
    }

    private async Task<bool> RetryWhileQueueFullAsync(
        string topic,
        string topicToken,
        Message<byte[], byte[]> message,
        Action<DeliveryReport<byte[], byte[]>> onDelivery,
        TaskCompletionSource<bool> delivered,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            // The local queue is full: the broker is slow or away. Wait for room rather than dropping the command.
            await Task.Delay(QueueFullBackoff, CancellationToken.None);
            try
            {
                _producer.Produce(topic, message, onDelivery);
                return await delivered.Task;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull && !cancellationToken.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // Publishing never throws; the failure is logged with its content.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Failed(topic, topicToken, message, ex);
            }
        }
    }

    private bool Failed(string topic, string topicToken, Message<byte[], byte[]> message, Exception exception)
    {
        _stats.OnPublishFailed(topicToken);
        LogDeliveryFailed(_logger, topic, MessageKeys.Describe(message.Key), exception.Message, MessageKeys.DescribeValue(message.Value));
        return false;
    }

    private static byte[] KeyBytes(ReadOnlyMemory<byte> key) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(key, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : key.ToArray();

    [LoggerMessage(Level = LogLevel.Error, Message = "Message to {Topic} (key {Key}) was not delivered: {Reason}. Content: {Content}")]
    private static partial void LogDeliveryFailed(ILogger logger, string topic, string key, string reason, string content);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} messages were still undelivered when the {Deadline} shutdown deadline passed.")]
    private static partial void LogUndeliveredAtShutdown(ILogger logger, int count, TimeSpan deadline);
}
