using System.Buffers;

namespace AtlasChannel.Tool.Load;

/// <summary>
/// A single-writer latency histogram: 10 µs buckets to 100 ms, 100 µs to 1 s, 1 ms to 10 s (≈ 28k buckets,
/// 220 KB), exact maximum. Each receive thread owns one (<see cref="ReceiveShards"/>), so recording is plain
/// increments with no cache line bouncing between cores; readers merge the shards (<see cref="Merged"/>).
/// </summary>
internal sealed class LatencyHistogram
{
    private const long FineMicros = 10;
    private const long FineLimit = 100_000;
    private const long MidMicros = 100;
    private const long MidLimit = 1_000_000;
    private const long CoarseMicros = 1_000;
    private const long CoarseLimit = 10_000_000;
    private const int FineBuckets = (int)(FineLimit / FineMicros);
    private const int MidBuckets = (int)((MidLimit - FineLimit) / MidMicros);
    private const int CoarseBuckets = (int)((CoarseLimit - MidLimit) / CoarseMicros);
    private const int Buckets = FineBuckets + MidBuckets + CoarseBuckets + 1; // the last one is "≥ 10 s"

    /// <summary>Length of a bucket-count array (<see cref="AddCounts"/>, <see cref="Percentile"/>).</summary>
    public const int BucketCount = Buckets;

    private readonly long[] _counts = new long[Buckets];
    private long _total;
    private long _maxMicros;

    public long Count => Volatile.Read(ref _total);

    public double MaxMilliseconds => Volatile.Read(ref _maxMicros) / 1000.0;

    /// <summary>Only the owning thread records.</summary>
    public void Record(long micros)
    {
        if (micros < 0)
            micros = 0;
        _counts[Index(micros)]++;
        Volatile.Write(ref _total, _total + 1);
        if (micros > _maxMicros)
            Volatile.Write(ref _maxMicros, micros);
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="percentile"/>th sample, in ms (0 when empty).</summary>
    public double PercentileMilliseconds(double percentile) => Merged([this], percentile);

    /// <summary>A percentile over several shards, as if they were one histogram (capped at the exact maximum).</summary>
    public static double Merged(IReadOnlyList<LatencyHistogram> shards, double percentile)
    {
        ArgumentNullException.ThrowIfNull(shards);
        long maxMicros = 0;
        foreach (var shard in shards)
            maxMicros = Math.Max(maxMicros, Volatile.Read(ref shard._maxMicros));
        var max = maxMicros / 1000.0;
        var rented = ArrayPool<long>.Shared.Rent(Buckets);
        try
        {
            var counts = rented.AsSpan(0, Buckets);
            counts.Clear();
            AddCounts(shards, counts);
            return BucketAt(counts, percentile) switch
            {
                < 0 => 0,
                Buckets - 1 => max,
                var i => Math.Min(UpperEdgeMicros(i) / 1000.0, max),
            };
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>Adds the shards' bucket counts into <paramref name="counts"/> (a snapshot to diff against a later one).</summary>
    public static void AddCounts(IReadOnlyList<LatencyHistogram> shards, Span<long> counts)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Length, Buckets);
        foreach (var shard in shards)
        {
            for (var i = 0; i < Buckets; i++)
                counts[i] += Volatile.Read(ref shard._counts[i]);
        }
    }

    /// <summary>
    /// A percentile of bucket counts (e.g. the difference of two snapshots: the samples of one window), as the upper
    /// edge of its bucket in ms; 0 when empty. Samples of the last bucket (≥ 10 s) report 10 s.
    /// </summary>
    public static double Percentile(ReadOnlySpan<long> counts, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Length, Buckets);
        return BucketAt(counts, percentile) switch
        {
            < 0 => 0,
            Buckets - 1 => CoarseLimit / 1000.0,
            var i => UpperEdgeMicros(i) / 1000.0,
        };
    }

    /// <summary>The bucket holding the <paramref name="percentile"/>th sample of <paramref name="counts"/>; −1 when empty.</summary>
    private static int BucketAt(ReadOnlySpan<long> counts, double percentile)
    {
        long total = 0;
        foreach (var count in counts)
            total += count;
        if (total == 0)
            return -1;
        var rank = (long)Math.Ceiling(total * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
                return i;
        }

        return counts.Length - 1;
    }

    public static double MergedMaxMilliseconds(IReadOnlyList<LatencyHistogram> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return shards.Count == 0 ? 0 : shards.Max(s => s.MaxMilliseconds);
    }

    public static long MergedCount(IReadOnlyList<LatencyHistogram> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return shards.Sum(s => s.Count);
    }

    private static int Index(long micros) => micros switch
    {
        < FineLimit => (int)(micros / FineMicros),
        < MidLimit => FineBuckets + (int)((micros - FineLimit) / MidMicros),
        < CoarseLimit => FineBuckets + MidBuckets + (int)((micros - MidLimit) / CoarseMicros),
        _ => Buckets - 1,
    };

    private static long UpperEdgeMicros(int index) => index switch
    {
        < FineBuckets => (index + 1) * FineMicros,
        < FineBuckets + MidBuckets => FineLimit + ((index - FineBuckets + 1) * MidMicros),
        _ => MidLimit + ((index - FineBuckets - MidBuckets + 1) * CoarseMicros),
    };
}
