using System.Collections.Concurrent;
using System.Diagnostics;
using AtlasChannel.Networking.IoUring;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Networking;

/// <summary>
/// One flusher thread and the writers assigned to it: newly scheduled writers arrive on a lock-free queue and join a
/// due-time heap (due = last send + interval, or its arrival when that has passed: a quiet writer is due at once);
/// each round flushes every due writer, most overdue first. The thread sleeps until the next due time or until a writer arrives while it sleeps.
/// </summary>
internal sealed partial class FlushShard : IDisposable
{
    private readonly ConcurrentQueue<SessionWriter> _incoming = new();
    private readonly PriorityQueue<SessionWriter, long> _waiting = new();
    private readonly ManualResetEventSlim _wake = new(false, 0);
    private readonly long _intervalTicks;
    private readonly ILogger _logger;
    private readonly Observability.ChannelMetrics _metrics;
    private readonly Thread _thread;
    private readonly byte[] _scratch = new byte[BatchedSender.SliceBytes];
    private BatchedSender? _batched;
    private int _sleeping;
    private volatile bool _stopping;

    public FlushShard(TimeSpan interval, string name, Observability.ChannelMetrics metrics, ILogger logger, bool ioUring = false)
    {
        _metrics = metrics;
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        _logger = logger;
        if (ioUring)
        {
            _batched = BatchedSender.TryCreate(logger, out var failure);
            if (_batched is null)
                LogIoUringUnavailable(logger, name, failure ?? "unknown");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Hands a writer with queued packets to this shard; any thread.</summary>
    public void Schedule(SessionWriter writer)
    {
        _incoming.Enqueue(writer);
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
            _wake.Set();
    }

    private void Run()
    {
        while (!_stopping)
        {
            // Arrivals only join the heap; all flushing happens in due order below. Flushing arrivals here directly
            // starved the heap under saturation: every writer came back already due, so this loop never ran dry and
            // writers waiting in the heap went unsent for seconds. Each writer is in the queue at most once (its
            // scheduled flag), so this drains in bounded time.
            var arrived = Stopwatch.GetTimestamp();
            while (_incoming.TryDequeue(out var writer))
                _waiting.Enqueue(writer, Math.Max(writer.LastFlush + _intervalTicks, arrived)); // a quiet writer: due now, behind the overdue

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

            SleepUntilDue();
        }
    }

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
        if (_waiting.TryPeek(out _, out var next))
        {
            var ticks = next - Stopwatch.GetTimestamp();
            if (ticks <= 0)
                return;
            timeoutMs = (int)Math.Max(1, (ticks * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency);
        }

        Interlocked.Exchange(ref _sleeping, 1);
        if (_incoming.IsEmpty && !_stopping)
            _wake.Wait(timeoutMs);
        _wake.Reset();
        Volatile.Write(ref _sleeping, 0);
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        if (_thread.Join(TimeSpan.FromSeconds(5)))
            _batched?.Dispose();
        // _wake is not disposed: a straggling event may still schedule a writer, and an unused slim event holds no handle.
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Shard}: io_uring is not available ({Reason}); sending with one system call per session")]
    private static partial void LogIoUringUnavailable(ILogger logger, string shard, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a session's queued packets failed; closing that session")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
