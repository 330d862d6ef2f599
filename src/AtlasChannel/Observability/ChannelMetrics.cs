using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AtlasChannel.Observability;

/// <summary>The service's own metrics (meter <c>AtlasChannel</c>), exported by OpenTelemetry when configured.</summary>
public sealed class ChannelMetrics : IDisposable
{
    public const string MeterName = "AtlasChannel";

    private readonly Meter _meter;
    private readonly Counter<long> _packetsIn;
    private readonly Counter<long> _packetsOut;
    private readonly Counter<long> _bytesIn;
    private readonly Counter<long> _bytesOut;
    private readonly Counter<long> _unhandled;
    private readonly Counter<long> _handlerFailures;
    private readonly Counter<long> _sessionsOpened;
    private readonly Counter<long> _sessionsClosed;
    private readonly Histogram<double> _handlerDuration;
    private readonly Counter<long> _sends;
    private readonly Histogram<double> _flushLag;
    private readonly Histogram<double> _queueDelay;
    private int _liveSessions;

    public ChannelMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _packetsIn = _meter.CreateCounter<long>("atlas.channel.packets.received", "{packet}", "Client packets decoded");
        _packetsOut = _meter.CreateCounter<long>("atlas.channel.packets.sent", "{packet}", "Server packets written");
        _bytesIn = _meter.CreateCounter<long>("atlas.channel.bytes.received", "By", "Client bytes (wire)");
        _bytesOut = _meter.CreateCounter<long>("atlas.channel.bytes.sent", "By", "Server bytes (wire)");
        _unhandled = _meter.CreateCounter<long>("atlas.channel.packets.unhandled", "{packet}", "Client packets with no bound or implemented handler");
        _handlerFailures = _meter.CreateCounter<long>("atlas.channel.handler.failures", "{packet}", "Handlers that threw");
        _sessionsOpened = _meter.CreateCounter<long>("atlas.channel.sessions.opened", "{session}");
        _sessionsClosed = _meter.CreateCounter<long>("atlas.channel.sessions.closed", "{session}");
        _handlerDuration = _meter.CreateHistogram<double>("atlas.channel.handler.duration", "ms", "Time to handle one client packet");
        _sends = _meter.CreateCounter<long>("atlas.channel.outbound.sends", "{send}", "Socket writes (each carries one batch of packets)");
        _flushLag = _meter.CreateHistogram<double>("atlas.channel.outbound.flush.lag", "ms",
            "Per flusher round, how late the most overdue paced session was sent; above a few ms the flusher threads are saturated");
        _queueDelay = _meter.CreateHistogram<double>("atlas.channel.outbound.queue.delay", "ms",
            "Per socket write, how long its oldest packet waited between being built and its batch being encrypted for the socket (pacing plus flusher lag; an io_uring round submits its batches right after)",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 250, 500, 1000] });
        _meter.CreateObservableGauge("atlas.channel.sessions.live", () => Volatile.Read(ref _liveSessions), "{session}");
    }

    public long Unhandled { get; private set; }

    public void PacketReceived(int wireBytes)
    {
        _packetsIn.Add(1);
        _bytesIn.Add(wireBytes);
    }

    /// <summary>One batch handed to the socket.</summary>
    public void PacketsSent(int packets, long wireBytes)
    {
        _sends.Add(1);
        _packetsOut.Add(packets);
        _bytesOut.Add(wireBytes);
    }

    public void FlushLag(TimeSpan lag) => _flushLag.Record(lag.TotalMilliseconds);

    /// <summary>A batch was encrypted for the socket; its oldest packet was built at <paramref name="oldestCreatedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void QueueDelay(long oldestCreatedAt, long sentAt) => _queueDelay.Record(Stopwatch.GetElapsedTime(oldestCreatedAt, sentAt).TotalMilliseconds);

    public void UnhandledPacket(ushort opcode)
    {
        Unhandled++;
        _unhandled.Add(1, new KeyValuePair<string, object?>("opcode", opcode));
    }

    public void HandlerFailed(string handler) => _handlerFailures.Add(1, new KeyValuePair<string, object?>("handler", handler));

    public void HandlerCompleted(string handler, long startTimestamp) =>
        _handlerDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, new KeyValuePair<string, object?>("handler", handler));

    public void SessionOpened()
    {
        Interlocked.Increment(ref _liveSessions);
        _sessionsOpened.Add(1);
    }

    public void SessionClosed()
    {
        Interlocked.Decrement(ref _liveSessions);
        _sessionsClosed.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
