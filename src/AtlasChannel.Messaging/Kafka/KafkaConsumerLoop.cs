using System.Collections.Concurrent;
using AtlasChannel.Messaging.Dispatch;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging.Kafka;

/// <summary>
/// One Kafka consumer for every subscribed topic, polled by a dedicated thread (Consume blocks). It parses nothing
/// but headers: the pipeline filters by tenant and hands the message to its key's lane, where it is decoded.
/// </summary>
/// <remarks>
/// Start offsets: <c>auto.offset.reset</c> is per consumer, so it is set to latest and the partitions of
/// <see cref="MessagingOptions.EarliestOffsetTopics"/> are positioned in the assignment callback instead: their
/// committed offset when the group has one, otherwise the beginning. This keeps a single group member per instance
/// (a second consumer in the same group would rebalance the first whenever it joins).
/// </remarks>
internal sealed partial class KafkaConsumerLoop : IInboundCompletion, IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CommittedLookupTimeout = TimeSpan.FromSeconds(10);
    private static readonly long StoreIntervalTicks = TimeSpan.FromMilliseconds(50).Ticks;

    private readonly MessagingOptions _options;
    private readonly TopicResolver _topics;
    private readonly DispatchPipeline _pipeline;
    private readonly ILogger _logger;
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly HashSet<string> _earliestTopicNames;
    private readonly string[] _topicNames;
    private readonly Dictionary<TopicPartition, PartitionProgress> _progress = [];
    private readonly HashSet<TopicPartition> _atEnd = [];
    private readonly ConcurrentDictionary<TopicPartition, long> _committed = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private long _lastStoreTicks;

    public KafkaConsumerLoop(MessagingOptions options, IEnumerable<string> topicTokens, TopicResolver topics, DispatchPipeline pipeline, ILogger logger)
    {
        _options = options;
        _topics = topics;
        _pipeline = pipeline;
        _logger = logger;
        _topicNames = [.. topicTokens.Select(topics.Resolve)];
        _earliestTopicNames = [.. options.EarliestOffsetTopics.Select(topics.Resolve)];
        _consumer = new ConsumerBuilder<byte[], byte[]>(CreateConfig(options))
            .SetLogHandler((_, log) => KafkaLog.Write(logger, log))
            .SetErrorHandler((_, error) => KafkaLog.Error(logger, "consumer", error))
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((_, partitions) => OnRevoked(partitions.Select(p => p.TopicPartition)))
            .SetOffsetsCommittedHandler((_, committed) => OnCommitted(committed))
            .Build();
    }

    /// <summary>Completes once every partition of every subscribed topic is assigned and has been read to its end.</summary>
    public Task CaughtUp => Volatile.Read(ref _caughtUp).Task;

    internal static ConsumerConfig CreateConfig(MessagingOptions options)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            ClientId = $"atlas-channel-{options.ServiceId}",
            AutoOffsetReset = AutoOffsetReset.Latest,
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            AutoCommitIntervalMs = (int)options.AutoCommitInterval.TotalMilliseconds,
            EnablePartitionEof = true,
        };
        foreach (var (name, value) in options.ConsumerSettings)
            config.Set(name, value);
        return config;
    }

    public long? CommittedOffset(string topicName, int partition) =>
        _committed.TryGetValue(new TopicPartition(topicName, partition), out var offset) ? offset : null;

    public void Start()
    {
        _consumer.Subscribe(_topicNames);
        _thread = new Thread(Run) { IsBackground = true, Name = "kafka-consume" };
        _thread.Start();
    }

    /// <summary>Stops polling; the consumer stays open so offsets of messages still in the lanes can be stored.</summary>
    public async Task StopPollingAsync()
    {
        await _stopping.CancelAsync();
        if (_thread is { } thread)
            await Task.Run(thread.Join);
    }

    /// <summary>Stores what the lanes finished, then leaves the group, which commits the stored offsets.</summary>
    public void Close()
    {
        StoreFinishedOffsets();
        try
        {
            _consumer.Close();
        }
        catch (KafkaException ex)
        {
            LogCloseFailed(_logger, ex);
        }
    }

    public void Dispose()
    {
        _consumer.Dispose();
        _stopping.Dispose();
    }

    void IInboundCompletion.OnCompleted(object? source, long offset) => ((PartitionProgress)source!).Finished(offset);

    private void Run()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var now = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
            if (now - _lastStoreTicks >= StoreIntervalTicks)
            {
                _lastStoreTicks = now;
                StoreFinishedOffsets();
            }

            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = _consumer.Consume(PollTimeout);
            }
            catch (ConsumeException ex)
            {
                LogConsumeError(_logger, ex.Error.Code, ex.Error.Reason);
                if (ex.Error.IsFatal)
                    return;
                continue;
            }

            if (result is null)
                continue;
            if (result.IsPartitionEOF)
            {
                OnEndOfPartition(result.TopicPartition);
                continue;
            }

            if (!_progress.TryGetValue(result.TopicPartition, out var progress))
                continue; // Raced a revocation; the message will be read again by whoever owns the partition.

            progress.Started(result.Offset.Value);
            var message = result.Message;
            var inbound = new InboundMessage(_topics.TokenFor(result.Topic), message.Key, message.Headers ?? [], message.Value, this, progress, result.Offset.Value);
            try
            {
                _pipeline.EnqueueBlocking(inbound, token);
            }
            catch (OperationCanceledException)
            {
                progress.Abandon(result.Offset.Value);
                return;
            }
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
            _progress[partition] = new PartitionProgress(partition);

        var earliest = partitions.Where(p => _earliestTopicNames.Contains(p.Topic)).ToList();
        var startAt = new Dictionary<TopicPartition, Offset>();
        if (earliest.Count > 0)
        {
            try
            {
                foreach (var committed in consumer.Committed(earliest, CommittedLookupTimeout))
                    startAt[committed.TopicPartition] = committed.Offset.IsSpecial ? Offset.Beginning : committed.Offset;
            }
            catch (KafkaException ex)
            {
                // Falling back to "committed else latest" risks skipping history, never duplicating it.
                LogCommittedLookupFailed(_logger, ex.Error.Reason);
            }
        }

        LogAssigned(_logger, partitions);
        return partitions.Select(p => new TopicPartitionOffset(p, startAt.GetValueOrDefault(p, Offset.Unset)));
    }

    private void OnRevoked(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            if (_progress.Remove(partition, out var progress))
            {
                // Store what was finished before librdkafka commits on revocation.
                if (progress.Revoke(_options.ShutdownTimeout) is { } final)
                    StoreOffset(final);
            }
            _atEnd.Remove(partition);
        }

        if (CaughtUp.IsCompleted)
            Volatile.Write(ref _caughtUp, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private void OnEndOfPartition(TopicPartition partition)
    {
        if (!_atEnd.Add(partition) || CaughtUp.IsCompleted)
            return;
        if (_progress.Count == 0 || !_progress.Keys.All(_atEnd.Contains))
            return;
        var assignedTopics = _progress.Keys.Select(p => p.Topic).ToHashSet(StringComparer.Ordinal);
        if (_topicNames.All(assignedTopics.Contains))
            _caughtUp.TrySetResult();
    }

    private void OnCommitted(CommittedOffsets committed)
    {
        foreach (var offset in committed.Offsets)
        {
            if (offset.Error.IsError || offset.Offset.IsSpecial)
                continue;
            _committed[offset.TopicPartition] = offset.Offset.Value;
        }
    }

    private void StoreFinishedOffsets()
    {
        foreach (var progress in _progress.Values)
        {
            if (progress.TakeCommittable() is { } offset)
                StoreOffset(offset);
        }
    }

    private void StoreOffset(TopicPartitionOffset offset)
    {
        try
        {
            _consumer.StoreOffset(offset);
        }
        catch (KafkaException ex)
        {
            // Partition no longer assigned (rebalance) or consumer closing: the new owner re-reads from the last commit.
            LogStoreFailed(_logger, offset.TopicPartition, ex.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consume error {Code}: {Reason}")]
    private static partial void LogConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    private static partial void LogAssigned(ILogger logger, List<TopicPartition> partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read committed offsets for earliest-start topics ({Reason}); using committed-or-latest.")]
    private static partial void LogCommittedLookupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not store offset for {Partition}: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, TopicPartition partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the Kafka consumer failed.")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
