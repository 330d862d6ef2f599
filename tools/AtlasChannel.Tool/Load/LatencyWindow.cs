namespace AtlasChannel.Tool.Load;

/// <summary>
/// Latency of the samples recorded since a mark, across the receive shards: the live line's last-second p99 and the
/// report's after-warm-up figures. The cumulative histograms stay untouched; a window is the difference of two snapshots.
/// </summary>
internal sealed class LatencyWindow
{
    private readonly long[] _mark = new long[LatencyHistogram.BucketCount];
    private readonly long[] _now = new long[LatencyHistogram.BucketCount];

    /// <summary>Starts a window at what the shards hold now.</summary>
    public void Mark(IReadOnlyList<LatencyHistogram> shards)
    {
        Array.Clear(_mark);
        LatencyHistogram.AddCounts(shards, _mark);
    }

    /// <summary>The samples since the last mark; with <paramref name="remark"/> the next window starts here.</summary>
    public WindowLatency Read(IReadOnlyList<LatencyHistogram> shards, bool remark)
    {
        Array.Clear(_now);
        LatencyHistogram.AddCounts(shards, _now);
        long samples = 0;
        for (var i = 0; i < _now.Length; i++)
        {
            var total = _now[i];
            _now[i] = total - _mark[i];
            samples += _now[i];
            if (remark)
                _mark[i] = total;
        }

        return new WindowLatency(
            samples,
            LatencyHistogram.Percentile(_now, 50),
            LatencyHistogram.Percentile(_now, 95),
            LatencyHistogram.Percentile(_now, 99));
    }
}

internal readonly record struct WindowLatency(long Samples, double P50, double P95, double P99);
