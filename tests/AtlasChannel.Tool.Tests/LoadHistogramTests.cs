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
}
