namespace AtlasChannel.Tool.Load;

/// <summary>
/// A lock-free latency histogram: 10 µs buckets up to 10 s (8 MB), exact maximum. Many receive loops record into
/// it concurrently; percentiles are read once at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const long BucketMicros = 10;
    private const int Buckets = 1_000_000;
    private readonly long[] _counts = new long[Buckets];
    private long _total;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _total);

    public void Record(long micros)
    {
        if (micros < 0)
            micros = 0;
        var bucket = (int)Math.Min(micros / BucketMicros, Buckets - 1);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
        var max = Interlocked.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
                break;
            max = seen;
        }
    }

    public double MaxMilliseconds => Interlocked.Read(ref _maxMicros) / 1000.0;

    /// <summary>The upper edge of the bucket holding the <paramref name="percentile"/>th sample, in ms (0 when empty).</summary>
    public double PercentileMilliseconds(double percentile)
    {
        var total = Count;
        if (total == 0)
            return 0;
        var rank = (long)Math.Ceiling(total * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
                return i == Buckets - 1 ? MaxMilliseconds : Math.Min((i + 1) * BucketMicros / 1000.0, MaxMilliseconds);
        }

        return MaxMilliseconds;
    }
}
