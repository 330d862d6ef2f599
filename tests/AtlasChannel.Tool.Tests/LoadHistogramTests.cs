using AtlasChannel.Tool.Load;

namespace AtlasChannel.Tool.Tests;

public class LoadHistogramTests
{
    [Fact]
    public void Percentiles_are_bucket_upper_edges_and_max_is_exact()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 1000; micros++)
            histogram.Record(micros * 10 - 5); // 5, 15, …, 9995 µs: one sample per 10 µs bucket
        Assert.Equal(1000, histogram.Count);
        Assert.Equal(5.0, histogram.PercentileMilliseconds(50), 3);
        Assert.Equal(9.9, histogram.PercentileMilliseconds(99), 3);
        Assert.Equal(9.995, histogram.MaxMilliseconds, 3);
        Assert.Equal(9.995, histogram.PercentileMilliseconds(100), 3);
    }

    [Fact]
    public void Empty_histogram_reports_zero_and_huge_values_land_in_the_last_bucket()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.PercentileMilliseconds(99));
        histogram.Record(60_000_000);
        Assert.Equal(60_000, histogram.MaxMilliseconds);
        Assert.Equal(60_000, histogram.PercentileMilliseconds(50));
    }

    [Fact]
    public void Coarser_buckets_above_100_ms_keep_their_upper_edges()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(150_050); // 150.05 ms: in the 100 µs bucket ending at 150.1 ms
        histogram.Record(2_500_500); // 2.5005 s: in the 1 ms bucket ending at 2.501 s
        Assert.Equal(150.1, histogram.PercentileMilliseconds(50), 3);
        Assert.Equal(2_500.5, histogram.PercentileMilliseconds(100), 3); // capped at the exact max
    }

    [Fact]
    public void Shards_merge_as_one_histogram()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
            a.Record(1_000); // 1 ms
        for (var i = 0; i < 10; i++)
            b.Record(40_000); // 40 ms

        LatencyHistogram[] shards = [a, b];
        Assert.Equal(100, LatencyHistogram.MergedCount(shards));
        Assert.Equal(1.01, LatencyHistogram.Merged(shards, 90), 3);
        Assert.Equal(40.0, LatencyHistogram.Merged(shards, 91), 3);
        Assert.Equal(40.0, LatencyHistogram.MergedMaxMilliseconds(shards), 3);
    }
}
