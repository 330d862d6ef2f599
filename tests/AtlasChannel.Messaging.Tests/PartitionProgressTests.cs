using AtlasChannel.Messaging.Kafka;
using Confluent.Kafka;

namespace AtlasChannel.Messaging.Tests;

public sealed class PartitionProgressTests
{
    private readonly PartitionProgress _progress = new(new TopicPartition("t", 0));

    [Fact]
    public void Advances_only_past_a_contiguous_run_of_finished_messages()
    {
        foreach (var offset in new long[] { 10, 11, 12, 13 })
            _progress.Started(offset);

        _progress.Finished(12);
        _progress.Finished(11);
        Assert.Null(_progress.TakeCommittable());

        _progress.Finished(10);
        Assert.Equal(13, _progress.TakeCommittable()?.Offset.Value);
        Assert.Null(_progress.TakeCommittable());

        _progress.Finished(13);
        Assert.Equal(14, _progress.TakeCommittable()?.Offset.Value);
    }

    [Fact]
    public void Abandoned_message_caps_the_committable_offset()
    {
        _progress.Started(5);
        _progress.Started(6);
        _progress.Started(7);

        _progress.Abandon(6);
        _progress.Finished(7);
        _progress.Finished(5);

        Assert.Equal(6, _progress.TakeCommittable()?.Offset.Value);
    }

    [Fact]
    public void Revocation_hands_back_the_final_offset_and_ignores_later_completions()
    {
        _progress.Started(1);
        _progress.Started(2);
        _progress.Finished(1);

        Assert.Equal(2, _progress.Revoke(TimeSpan.Zero)?.Offset.Value);

        _progress.Finished(2);
        Assert.Null(_progress.TakeCommittable());
    }

    [Fact]
    public async Task Revocation_waits_for_in_flight_messages()
    {
        _progress.Started(1);
        var finisher = Task.Run(() => _progress.Finished(1));

        var final = _progress.Revoke(TimeSpan.FromSeconds(10));
        await finisher;

        Assert.Equal(2, final?.Offset.Value);
    }
}
