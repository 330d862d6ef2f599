using System.Collections.Concurrent;
using System.Diagnostics;
using AtlasChannel.Networking.IoUring;
using AtlasChannel.Packets;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Networking;

/// <summary>
/// One flusher thread and the writers assigned to it. Everything other threads give it arrives on one lock-free inbox:
/// packets for one writer, a fan-out's packet with all of this shard's recipients as a single entry, or a bare request
/// to look at a writer (it closed, a send finished). The thread moves packets into the writers' own queues, which only
/// it touches, and keeps the writers that have something to do in a due-time heap (due = last send + interval, or its
/// arrival when that has passed: a quiet writer is due at once); each round flushes every due writer, most overdue
/// first. It sleeps until the next due time, or until something arrives while it sleeps that is due before then: a
/// packet for a writer that sent within the interval is due no sooner than that writer's next slot, so posting it leaves
/// the thread asleep (under load nearly every recipient is such a writer, and a wake-up costs the poster a system call).
/// </summary>
internal sealed partial class FlushShard : IDisposable
{
    /// <summary>Inbox entries taken per round before the due writers are flushed, so a flood can't hold the sends back.</summary>
    private const int MaxDeliveriesPerRound = 16_384;

    /// <summary>
    /// Packet entries waiting in the inbox beyond which a new one is refused and its recipients disconnected (a
    /// 2,000-player channel's movement posts about 10k entries a second to each thread, so this is ~100 s behind): a
    /// thread that far behind serves nobody in time, and its backlog must not grow without bound.
    /// </summary>
    internal const int DefaultInboxCapacity = 1 << 20;

    private readonly ConcurrentQueue<Delivery> _inbox = new();
    private readonly ConcurrentQueue<RecipientBatch> _batches = new();
    private readonly PriorityQueue<SessionWriter, long> _waiting = new();
    private readonly ManualResetEventSlim _wake = new(false, 0);
    private readonly long _intervalTicks;
    private readonly ILogger _logger;
    private readonly Observability.ChannelMetrics _metrics;
    private readonly Thread? _thread;
    private readonly byte[] _scratch = new byte[BatchedSender.SliceBytes];
    private BatchedSender? _batched;
    private readonly int _inboxCapacity;
    private readonly string _name;
    private readonly string _refusalReason;
    private int _inboxPackets; // packet entries posted and not yet taken (bare schedules are not counted)
    private int _refusing;     // 1 from the first refusal until the backlog is down to half the capacity
    private int _sleeping;
    private long _sleepUntil = long.MaxValue; // when a sleeping thread wakes by itself (a Stopwatch timestamp)
    private long _wakesSignalled;
    private volatile bool _stopping;

    /// <param name="ownThread">False for a shard whose rounds the caller runs (<see cref="RunRound"/>; benchmarks).</param>
    /// <param name="inboxCapacity">Packet entries the inbox holds before it refuses more (<see cref="DefaultInboxCapacity"/>).</param>
    public FlushShard(TimeSpan interval, string name, Observability.ChannelMetrics metrics, ILogger logger, bool ioUring = false, bool ownThread = true, int inboxCapacity = DefaultInboxCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inboxCapacity, 1);
        _metrics = metrics;
        _name = name;
        _inboxCapacity = inboxCapacity;
        _refusalReason = $"outbound: {name} is {inboxCapacity} packets behind";
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        _logger = logger;
        if (ioUring)
        {
            _batched = BatchedSender.TryCreate(logger, out var failure);
            if (_batched is null)
                LogIoUringUnavailable(logger, name, failure ?? "unknown");
        }

        if (!ownThread)
            return;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>
    /// Puts <paramref name="writer"/>, whose scheduled flag the caller just set, on the due heap (it has packets in its
    /// session's own queue, or closed); any thread.
    /// </summary>
    public void Schedule(SessionWriter writer) => Post(new Delivery(null, writer, null), LastFlushIfAsleep(writer)); // never refused: it is a writer's only way back in

    /// <summary>Hands one packet reference to <paramref name="writer"/>, which consumes it; any thread.</summary>
    public void Post(SessionWriter writer, SharedPacket packet)
    {
        if (TryCountPacket())
            Post(new Delivery(packet, writer, null), LastFlushIfAsleep(writer));
        else
            writer.Refuse(packet, _refusalReason);
    }

    /// <summary>
    /// Hands <paramref name="packet"/> to every writer in <paramref name="batch"/> (one reference each, taken by the
    /// caller) and takes the batch back for reuse; any thread.
    /// </summary>
    public void Post(RecipientBatch batch, SharedPacket packet)
    {
        if (TryCountPacket())
        {
            // Read before the batch is posted: from then on the thread may empty it and hand it to another fan-out.
            Post(new Delivery(packet, null, batch), IsSleeping ? batch.EarliestLastFlush() : 0);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
            batch[i].Refuse(packet, _refusalReason);
        ReturnBatch(batch);
    }

    /// <summary>Counts one more packet entry, or refuses it when the inbox is full (logged once per episode).</summary>
    private bool TryCountPacket()
    {
        if (Interlocked.Increment(ref _inboxPackets) <= _inboxCapacity)
            return true;
        Interlocked.Decrement(ref _inboxPackets);
        if (Interlocked.Exchange(ref _refusing, 1) == 0)
            LogInboxFull(_logger, _name, _inboxCapacity);
        return false;
    }

    /// <summary>An empty batch for a fan-out to fill with this shard's recipients and <see cref="Post(RecipientBatch, SharedPacket)"/>.</summary>
    public RecipientBatch RentBatch() => _batches.TryDequeue(out var batch) ? batch : new RecipientBatch();

    private void ReturnBatch(RecipientBatch batch)
    {
        batch.Clear();
        _batches.Enqueue(batch);
    }

    /// <summary>The writer's last send, read only when the thread sleeps (else 0: wake it if it has fallen asleep meanwhile).</summary>
    private long LastFlushIfAsleep(SessionWriter writer) => IsSleeping ? writer.LastFlush : 0;

    /// <param name="earliestLastFlush">The smallest <see cref="SessionWriter.LastFlush"/> among the delivery's writers
    /// (or less): the delivery is due no sooner than that plus the interval.</param>
    private void Post(Delivery delivery, long earliestLastFlush)
    {
        _inbox.Enqueue(delivery); // a full fence, before the sleeping flag is read
        // The thread publishes its wake-up time before its sleeping flag and looks at the inbox after it, so either it
        // sees this entry, or this read of the flag sees it asleep and the read below sees that sleep's wake-up time.
        // Only the thread itself moves a writer's LastFlush earlier (to 0), and it posts that writer while awake.
        if (IsSleeping
            && earliestLastFlush + _intervalTicks < Volatile.Read(ref _sleepUntil)
            && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            Interlocked.Increment(ref _wakesSignalled);
            _wake.Set();
        }
    }

    /// <summary>How many posts woke the sleeping thread (tests).</summary>
    internal long WakesSignalled => Interlocked.Read(ref _wakesSignalled);

    private bool IsSleeping => Volatile.Read(ref _sleeping) == 1;

    /// <summary>Whether the thread is asleep with a writer due at a set time (tests).</summary>
    internal bool IsSleepingUntilDue => IsSleeping && Volatile.Read(ref _sleepUntil) != long.MaxValue;

    private void Run()
    {
        while (!_stopping)
        {
            RunRound();
            SleepUntilDue();
        }
    }

    /// <summary>One round: take what arrived, flush every due writer, complete the round's sends.</summary>
    internal void RunRound()
    {
        // Arrivals only join the heap; all flushing happens in due order below. Flushing arrivals here directly
        // starved the heap under saturation: every writer came back already due, so this loop never ran dry and
        // writers waiting in the heap went unsent for seconds. A writer joins the heap at most once (its scheduled
        // flag), and the inbox is drained a bounded amount per round.
        var arrived = Stopwatch.GetTimestamp();
        var packets = 0;
        for (var taken = 0; taken < MaxDeliveriesPerRound && _inbox.TryDequeue(out var delivery); taken++)
        {
            if (delivery.Packet is not null)
                packets++;
            Accept(delivery, arrived);
        }

        if (packets > 0 && Interlocked.Add(ref _inboxPackets, -packets) <= _inboxCapacity / 2)
            Volatile.Write(ref _refusing, 0);

        var mostOverdue = -1L;
        while (_waiting.TryPeek(out var writer, out var due))
        {
            var now = Stopwatch.GetTimestamp();
            if (due > now)
                break;
            mostOverdue = Math.Max(mostOverdue, now - due);
            _waiting.Dequeue();
            Flush(writer);
        }

        CompleteBatchedSends();
        if (mostOverdue >= 0)
            _metrics.FlushLag(Stopwatch.GetElapsedTime(0, mostOverdue)); // one sample per round, not per session
    }

    private void Accept(in Delivery delivery, long arrived)
    {
        if (delivery.Batch is { } batch)
        {
            for (var i = 0; i < batch.Count; i++)
                Deliver(batch[i], delivery.Packet!, arrived);
            ReturnBatch(batch);
        }
        else if (delivery.Packet is { } packet)
        {
            Deliver(delivery.Writer!, packet, arrived);
        }
        else
        {
            Join(delivery.Writer!, arrived); // its poster set its scheduled flag
        }
    }

    private void Deliver(SessionWriter writer, SharedPacket packet, long arrived)
    {
        if (writer.Accept(packet))
            Join(writer, arrived);
    }

    /// <summary>A quiet writer is due at once, behind the overdue ones; a busy one when its interval is up.</summary>
    private void Join(SessionWriter writer, long arrived) =>
        _waiting.Enqueue(writer, Math.Max(writer.LastFlush + _intervalTicks, arrived));

    /// <summary>Whether this shard sends its rounds through io_uring (tests).</summary>
    internal bool UsesIoUring => _batched is { IsBroken: false };

    private void CompleteBatchedSends()
    {
        _batched?.Complete();
        if (_batched is { IsBroken: true })
            _batched = null;
    }

    private void Flush(SessionWriter writer)
    {
        try
        {
            writer.Flush(_scratch, _batched);
        }
        catch (Exception ex)
        {
            // A bug in one session's send path must not stop the thread that serves the others.
            LogFlushFailed(_logger, ex);
            writer.Fail(ex);
        }
    }

    private void SleepUntilDue()
    {
        var timeoutMs = Timeout.Infinite;
        var until = long.MaxValue;
        if (_waiting.TryPeek(out _, out var next))
        {
            var ticks = next - Stopwatch.GetTimestamp();
            if (ticks <= 0)
                return;
            timeoutMs = (int)Math.Max(1, (ticks * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency);
            until = next; // the wait rounds up to whole milliseconds, so it never returns before this
        }

        Volatile.Write(ref _sleepUntil, until);
        Interlocked.Exchange(ref _sleeping, 1);
        if (_inbox.IsEmpty && !_stopping)
            _wake.Wait(timeoutMs);
        _wake.Reset();
        Volatile.Write(ref _sleeping, 0);
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        if (_thread?.Join(TimeSpan.FromSeconds(5)) ?? true)
            _batched?.Dispose();
        // _wake is not disposed: a straggling event may still schedule a writer, and an unused slim event holds no handle.
    }

    /// <summary>
    /// One inbox entry: a packet for one writer, a packet for a batch of writers, or (no packet) a scheduled writer.
    /// </summary>
    private readonly record struct Delivery(SharedPacket? Packet, SessionWriter? Writer, RecipientBatch? Batch);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Shard}: io_uring is not available ({Reason}); sending with one system call per session")]
    private static partial void LogIoUringUnavailable(ILogger logger, string shard, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Shard} has {Capacity} packets waiting in its inbox; new packets for its sessions are refused and those sessions disconnected until it catches up")]
    private static partial void LogInboxFull(ILogger logger, string shard, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a session's queued packets failed; closing that session")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
