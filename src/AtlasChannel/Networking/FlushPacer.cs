using System.Diagnostics;

namespace AtlasChannel.Networking;

/// <summary>
/// Caps how often one busy session hits the socket. A send costs far more than the packets in it (a syscall, the
/// loopback or NIC path, a wake-up of the client), and a player in a crowded map receives hundreds of small packets a
/// second, so a session that flushed less than one interval ago waits for the next shared tick and then sends
/// everything queued meanwhile in one write. A quiet session (no flush within the interval) is flushed at once, so
/// replies to the player's own actions are never delayed; a busy one gains at most one interval of latency.
/// One timer serves every session, armed only while someone waits.
/// </summary>
public sealed class FlushPacer : IDisposable
{
    private readonly long _intervalTimestampTicks;
    private readonly TimeSpan _interval;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private TaskCompletionSource _nextTick = NewTick();
    private bool _armed;

    public FlushPacer(TimeSpan interval, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _interval = interval;
        _intervalTimestampTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        if (interval > TimeSpan.Zero)
            _timer = clock.CreateTimer(static state => ((FlushPacer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Pacing off: every wake-up of a write loop flushes at once.</summary>
    public static FlushPacer Immediate { get; } = new(TimeSpan.Zero, TimeProvider.System);

    /// <summary>True when a session that last flushed at <paramref name="lastFlushTimestamp"/> (a <see cref="Stopwatch"/> timestamp) should wait for the next tick.</summary>
    public bool ShouldWait(long lastFlushTimestamp, long nowTimestamp) =>
        _timer is not null && nowTimestamp - lastFlushTimestamp < _intervalTimestampTicks;

    /// <summary>Completes at the next shared tick (at most one interval from now).</summary>
    public Task NextTickAsync()
    {
        if (_timer is null)
            return Task.CompletedTask;
        lock (_gate)
        {
            if (!_armed)
            {
                _armed = true;
                _timer.Change(_interval, Timeout.InfiniteTimeSpan);
            }

            return _nextTick.Task;
        }
    }

    private void Tick()
    {
        TaskCompletionSource due;
        lock (_gate)
        {
            due = _nextTick;
            _nextTick = NewTick();
            _armed = false;
        }

        due.TrySetResult();
    }

    // Continuations run on the thread pool, never inline on the timer thread.
    private static TaskCompletionSource NewTick() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _timer?.Dispose();
        Tick(); // release anyone still waiting
    }
}
