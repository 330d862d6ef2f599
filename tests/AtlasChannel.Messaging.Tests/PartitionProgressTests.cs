using AtlasChannel.Messaging.Kafka;
using Confluent.Kafka;

namespace AtlasChannel.Messaging.Tests;

public sealed class PartitionProgressTests
{
    private readonly List<long> _stored = [];
    private readonly PartitionProgress _progress;

    public PartitionProgressTests() => _progress = new PartitionProgress(new TopicPartition("t", 0), o => _stored.Add(o.Offset.Value));

    [Fact]
    public void Stores_only_past_a_contiguous_run_of_finished_messages()
    {
        foreach (var offset in new long[] { 10, 11, 12, 13 })
            _progress.Started(offset);

        _progress.Finished(12);
        _progress.Finished(11);
        Assert.Empty(_stored);

        _progress.Finished(10);
        Assert.Equal([13], _stored);

        _progress.Finished(13);
        Assert.Equal([13, 14], _stored);
    }

    [Fact]
    public void Abandoned_message_caps_the_stored_offset()
    {
        _progress.Started(5);
        _progress.Started(6);
        _progress.Started(7);

        _progress.Abandon(6);
        _progress.Finished(7);
        _progress.Finished(5);

        Assert.Equal([6], _stored);
    }

    [Fact]
    public void Completions_after_revocation_are_ignored()
    {
        _progress.Started(1);
        _progress.Revoke(TimeSpan.Zero);

        _progress.Finished(1);

        Assert.Empty(_stored);
    }
}
