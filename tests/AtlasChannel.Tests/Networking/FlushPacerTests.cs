using System.Diagnostics;
using AtlasChannel.Networking;
using Microsoft.Extensions.Time.Testing;

namespace AtlasChannel.Tests.Networking;

public sealed class FlushPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    private static readonly long IntervalTicks = (long)(Interval.TotalSeconds * Stopwatch.Frequency);

    [Fact]
    public void A_zero_interval_never_waits()
    {
        using var pacer = new FlushPacer(TimeSpan.Zero, new FakeTimeProvider());
        var now = Stopwatch.GetTimestamp();

        Assert.False(pacer.ShouldWait(now, now));
        Assert.True(pacer.NextTickAsync().IsCompleted);
    }

    [Fact]
    public void Only_a_session_that_flushed_within_the_interval_waits()
    {
        using var pacer = new FlushPacer(Interval, new FakeTimeProvider());
        var now = Stopwatch.GetTimestamp();

        Assert.True(pacer.ShouldWait(now - (IntervalTicks / 2), now));
        Assert.False(pacer.ShouldWait(now - IntervalTicks, now));
        Assert.False(pacer.ShouldWait(0, now)); // never flushed: the first packet goes out at once
    }

    [Fact]
    public void Waiters_share_one_tick_that_fires_one_interval_after_the_first_wait()
    {
        var time = new FakeTimeProvider();
        using var pacer = new FlushPacer(Interval, time);

        var first = pacer.NextTickAsync();
        time.Advance(TimeSpan.FromMilliseconds(4));
        var second = pacer.NextTickAsync();
        Assert.Same(first, second);
        Assert.False(first.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(6));
        Assert.True(first.IsCompleted);
    }

    [Fact]
    public void The_timer_is_armed_only_while_someone_waits()
    {
        var time = new FakeTimeProvider();
        using var pacer = new FlushPacer(Interval, time);
        var first = pacer.NextTickAsync();
        time.Advance(Interval);
        Assert.True(first.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5)); // idle: nothing armed, nothing due
        var next = pacer.NextTickAsync();
        Assert.False(next.IsCompleted);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(next.IsCompleted);
    }

    [Fact]
    public void Disposing_releases_waiters()
    {
        var pacer = new FlushPacer(Interval, new FakeTimeProvider());
        var waiting = pacer.NextTickAsync();

        pacer.Dispose();

        Assert.True(waiting.IsCompleted);
    }
}
