namespace AtlasChannel.Tool.Load.Epoll;

/// <summary>
/// Runs every bot's periodic sends (moves, chat lines) from one thread: each job is due at its own phase of its
/// period and goes out at the first pass after that; a late pass sends late rather than skipping, and each send is
/// stamped when it really leaves.
/// </summary>
internal sealed class MoveScheduler
{
    private readonly PriorityQueue<Job, long> _due = new();

    /// <summary>Adds a job that first runs at a random point of its first period.</summary>
    public void Add(double perSecond, Func<bool> send)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var period = (long)(System.Diagnostics.Stopwatch.Frequency / perSecond);
        var first = System.Diagnostics.Stopwatch.GetTimestamp() + Random.Shared.NextInt64(period);
        _due.Enqueue(new Job(period, send), first);
    }

    /// <summary>Sends until <paramref name="duration"/> is over or <paramref name="cancellationToken"/> fires; a job whose send fails stops.</summary>
    public void Run(TimeSpan duration, CancellationToken cancellationToken)
    {
        var end = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (now >= end)
                return;
            while (_due.TryPeek(out var job, out var at) && at <= now)
            {
                _due.Dequeue();
                if (job.Send())
                    _due.Enqueue(job, at + job.Period);
            }

            Thread.Sleep(1);
        }
    }

    private sealed record Job(long Period, Func<bool> Send);
}
