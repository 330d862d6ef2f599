using Confluent.Kafka;

namespace AtlasChannel.Messaging.Kafka;

/// <summary>
/// Tracks the in-flight offsets of one assigned partition. Lanes finish messages of a partition out of order
/// (different keys run in parallel), so the offset handed to Kafka is only ever advanced past a contiguous run of
/// finished messages: a crash re-delivers unfinished work instead of skipping it (at-least-once).
/// </summary>
internal sealed class PartitionProgress(TopicPartition partition)
{
    private readonly object _gate = new();
    private readonly Queue<long> _inFlight = new();
    private readonly HashSet<long> _finishedAhead = [];
    private bool _revoked;
    private long _limit = long.MaxValue;
    private long _committable = Offset.Unset.Value;
    private long _stored = Offset.Unset.Value;

    public TopicPartition Partition => partition;

    /// <summary>Called on the consume thread, in offset order.</summary>
    public void Started(long offset)
    {
        lock (_gate)
            _inFlight.Enqueue(offset);
    }

    /// <summary>Called from any lane when a message of this partition has been handled, filtered or skipped.</summary>
    public void Finished(long offset)
    {
        lock (_gate)
        {
            if (_revoked)
                return;

            if (_inFlight.Count == 0 || _inFlight.Peek() != offset)
            {
                _finishedAhead.Add(offset);
                return;
            }

            var last = _inFlight.Dequeue();
            while (_inFlight.Count > 0 && _finishedAhead.Remove(_inFlight.Peek()))
                last = _inFlight.Dequeue();

            _committable = Math.Min(last + 1, _limit);
            if (_inFlight.Count == 0)
                Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// The next offset to hand to Kafka when it moved since the last call, else null. Called from the consume thread
    /// a few times a second (storing per message would cost a native call each).
    /// </summary>
    public TopicPartitionOffset? TakeCommittable()
    {
        lock (_gate)
        {
            if (_revoked || _committable == _stored)
                return null;
            _stored = _committable;
            return new TopicPartitionOffset(partition, new Offset(_committable));
        }
    }

    /// <summary>A message that was registered but never queued (shutdown): the stored offset must never pass it.</summary>
    public void Abandon(long offset)
    {
        lock (_gate)
            _limit = Math.Min(_limit, offset);
        Finished(offset);
    }

    /// <summary>
    /// Waits (bounded) for in-flight messages to finish, then ignores any later completion. Returns the offset still
    /// to be stored, if any.
    /// </summary>
    public TopicPartitionOffset? Revoke(TimeSpan drainTimeout)
    {
        lock (_gate)
        {
            var deadline = DateTime.UtcNow + drainTimeout;
            while (_inFlight.Count > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                    break;
            }

            var final = TakeCommittable();
            _revoked = true;
            return final;
        }
    }
}
