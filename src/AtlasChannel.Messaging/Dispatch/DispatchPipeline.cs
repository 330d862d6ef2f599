using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using AtlasChannel.Contracts;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging.Dispatch;

/// <summary>
/// The path every consumed message takes, whatever the transport: header tenant filter → ordered lane by key →
/// decode through the contract registry → handlers of (topic, record type). Lanes are bounded channels, so a slow
/// handler eventually stops the transport from reading instead of growing memory.
/// </summary>
internal sealed partial class DispatchPipeline : IHandlerErrorSink, IDisposable
{
    private readonly IContractRegistry _registry;
    private readonly HandlerRegistry _handlers;
    private readonly TenantFilter _tenantFilter;
    private readonly MessagingStats _stats;
    private readonly ILogger _logger;
    private readonly LaneSelector _laneSelector;
    private readonly Channel<LaneItem>[] _lanes;
    private readonly ConcurrentDictionary<(string Topic, string? Type, DecodeStatus Status), byte> _reported = new();
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];

    public DispatchPipeline(
        IContractRegistry registry,
        HandlerRegistry handlers,
        TenantFilter tenantFilter,
        MessagingStats stats,
        int laneCount,
        int laneCapacity,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(laneCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(laneCapacity, 1);
        _registry = registry;
        _handlers = handlers;
        _tenantFilter = tenantFilter;
        _stats = stats;
        _logger = logger;
        _laneSelector = new LaneSelector(laneCount);
        _lanes = new Channel<LaneItem>[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            _lanes[i] = Channel.CreateBounded<LaneItem>(new BoundedChannelOptions(laneCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    public LaneSelector LaneSelector => _laneSelector;

    public void Start() => _workers = [.. _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader)))];

    /// <summary>Filters and queues a message, waiting while its lane is full.</summary>
    public ValueTask EnqueueAsync(in InboundMessage message, CancellationToken cancellationToken)
    {
        if (!TryAdmit(message, out var item, out var lane))
            return ValueTask.CompletedTask;
        return lane.Writer.TryWrite(item) ? ValueTask.CompletedTask : lane.Writer.WriteAsync(item, cancellationToken);
    }

    /// <summary>For a dedicated consume thread: blocks while the lane is full.</summary>
    public void EnqueueBlocking(in InboundMessage message, CancellationToken cancellationToken)
    {
        if (!TryAdmit(message, out var item, out var lane) || lane.Writer.TryWrite(item))
            return;
        lane.Writer.WriteAsync(item, cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Stops accepting, lets queued messages finish until <paramref name="deadline"/>, then cancels handlers.</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        foreach (var lane in _lanes)
            lane.Writer.TryComplete();

        var drained = Task.WhenAll(_workers);
        if (await Task.WhenAny(drained, Task.Delay(deadline)) != drained)
        {
            LogDrainTimeout(_logger, deadline);
            await _abort.CancelAsync();
            await Task.WhenAny(drained, Task.Delay(deadline));
        }
    }

    public void Dispose() => _abort.Dispose();

    private bool TryAdmit(in InboundMessage message, out LaneItem item, out Channel<LaneItem> lane)
    {
        _stats.OnReceived(message.TopicToken);
        var tenant = TenantHeaders.Read(message.Headers);
        if (!_tenantFilter.Accepts(message.TopicToken, tenant))
        {
            _stats.OnTenantFiltered(message.TopicToken);
            message.Complete();
            item = default;
            lane = null!;
            return false;
        }

        item = new LaneItem(message, tenant);
        lane = _lanes[_laneSelector.LaneFor(message.Key)];
        return true;
    }

    private async Task RunLaneAsync(ChannelReader<LaneItem> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    await ProcessAsync(item);
                }
                finally
                {
                    item.Message.Complete();
                }
            }
        }
    }

    private async ValueTask ProcessAsync(LaneItem item)
    {
        var message = item.Message;
        var topic = message.TopicToken;
        var decoded = message.Value is { Length: > 0 } value
            ? _registry.Decode(topic, value)
            : DecodeResult.Fail(DecodeStatus.Undecodable, null, "empty value");

        if (decoded.Status != DecodeStatus.Decoded || decoded.Message is null)
        {
            Skip(topic, decoded);
            return;
        }

        var group = _handlers.Find(topic, decoded.Message.GetType());
        if (group is null)
        {
            _stats.OnUnhandled(topic);
            if (FirstReport(topic, decoded.Type, DecodeStatus.Decoded))
                LogUnhandled(_logger, topic, decoded.Type, decoded.Message.GetType().Name);
            return;
        }

        using var activity = StartActivity(topic, message);
        var context = new DispatchContext(topic, decoded.Type, item.Tenant, message.Key, message.Headers);
        await group.InvokeAsync(context, decoded.Message, this, _abort.Token);
        _stats.OnDispatched(topic);
    }

    private void Skip(string topic, DecodeResult decoded)
    {
        if (decoded.Status == DecodeStatus.UnknownType)
            _stats.OnUnknownType(topic);
        else
            _stats.OnUndecodable(topic);

        if (FirstReport(topic, decoded.Type, decoded.Status))
            LogSkipped(_logger, topic, decoded.Type, decoded.Status, decoded.Error);
    }

    private bool FirstReport(string topic, string? type, DecodeStatus status) => _reported.TryAdd((topic, type, status), 0);

    private static Activity? StartActivity(string topic, in InboundMessage message)
    {
        if (!MessagingDiagnostics.ActivitySource.HasListeners())
            return null;
        var parent = TraceHeaders.Extract(message.Headers);
        return MessagingDiagnostics.ActivitySource.StartActivity(topic, ActivityKind.Consumer, parent);
    }

    void IHandlerErrorSink.OnHandlerError(in DispatchContext context, Exception exception)
    {
        _stats.OnHandlerError(context.TopicToken);
        LogHandlerFailed(_logger, exception, context.TopicToken, context.Type, MessageKeys.Describe(context.Key.Span));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping messages on {Topic} with type {Type}: {Status} ({Error}). Logged once per topic and type; further ones are only counted.")]
    private static partial void LogSkipped(ILogger logger, string topic, string? type, DecodeStatus status, string? error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No handler for {Topic} type {Type} ({RecordType}). Logged once per topic and type.")]
    private static partial void LogUnhandled(ILogger logger, string topic, string? type, string recordType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {Topic} type {Type} (key {Key}) failed.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic, string? type, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch lanes did not drain within {Deadline}; cancelling handlers.")]
    private static partial void LogDrainTimeout(ILogger logger, TimeSpan deadline);
}
