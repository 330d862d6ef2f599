using Confluent.Kafka;

namespace AtlasChannel.Messaging.Kafka;

/// <summary>
/// Tracks the in-flight offsets of one assigned partition. Lanes finish messages of a partition out of order
/// (different keys run in parallel), so the offset handed to Kafka is only ever advanced past a contiguous run of
/// finished messages: a crash re-delivers unfinished work instead of skipping it (at-least-once).
/// </summary>
internal sealed class PartitionProgress(TopicPartition partition, Action<TopicPartitionOffset> storeOffset)
{
    private readonly object _gate = new();
    private readonly Queue<long> _inFlight = new();
    private readonly HashSet<long> _finishedAhead = [];
    private bool _revoked;
    private long _limit = long.MaxValue;

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

            // Inside the lock so two lanes can never store offsets out of order.
            storeOffset(new TopicPartitionOffset(partition, new Offset(Math.Min(last + 1, _limit))));
            if (_inFlight.Count == 0)
                Monitor.PulseAll(_gate);
        }
    }

    /// <summary>A message that was registered but never queued (shutdown): the stored offset must never pass it.</summary>
    public void Abandon(long offset)
    {
        lock (_gate)
            _limit = Math.Min(_limit, offset);
        Finished(offset);
    }

    /// <summary>Waits (bounded) for in-flight messages to finish, then ignores any later completion.</summary>
    public void Revoke(TimeSpan drainTimeout)
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

            _revoked = true;
        }
    }
}
