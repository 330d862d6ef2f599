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

    [Fact]
    public void A_window_holds_only_the_samples_since_its_mark()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        LatencyHistogram[] shards = [a, b];
        for (var i = 0; i < 1000; i++)
            a.Record(900_000); // 900 ms: the warm-up
        var window = new LatencyWindow();
        window.Mark(shards);
        for (var i = 0; i < 99; i++)
            b.Record(4_995); // 5 ms after the mark
        a.Record(20_005); // one 20.01 ms sample after the mark

        var since = window.Read(shards, remark: true);
        Assert.Equal(100, since.Samples);
        Assert.Equal(5.0, since.P50, 3);
        Assert.Equal(5.0, since.P99, 3);
        Assert.Equal(900.0, LatencyHistogram.Merged(shards, 50), 3); // the cumulative view is untouched

        b.Record(40_000);
        var next = window.Read(shards, remark: false);
        Assert.Equal(1, next.Samples);
        Assert.Equal(40.01, next.P99, 3);
        Assert.Equal(0, new LatencyWindow().Read([], remark: false).P99);
    }

    [Fact]
    public void Bucket_counts_add_up_across_shards_and_give_the_same_percentiles()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
            a.Record(1_000);
        for (var i = 0; i < 10; i++)
            b.Record(12_000_000); // beyond 10 s: the last bucket reports 10 s
        var counts = new long[LatencyHistogram.BucketCount];
        LatencyHistogram.AddCounts([a, b], counts);

        Assert.Equal(100, counts.Sum());
        Assert.Equal(1.01, LatencyHistogram.Percentile(counts, 90), 3);
        Assert.Equal(10_000, LatencyHistogram.Percentile(counts, 91), 3);
    }
}
