using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AtlasChannel.Packets;

namespace AtlasChannel.Sessions;

/// <summary>
/// A session's outbound packets: many writers (handlers, Kafka events, fan-outs), one reader (the session's flush).
/// Lock-free and bounded by count; once completed it takes nothing more. A <see cref="ConcurrentQueue{T}"/> reuses its
/// ring in steady state, so queueing allocates nothing per packet.
/// </summary>
internal sealed class OutboundQueue(int capacity)
{
    private readonly ConcurrentQueue<SharedPacket> _packets = new();
    private int _count;
    private volatile bool _completed;

    public int Capacity { get; } = capacity;

    public bool IsEmpty => _packets.IsEmpty;

    public bool IsCompleted => _completed;

    /// <summary>False when the queue is full or completed; the caller keeps its reference then.</summary>
    public bool TryWrite(SharedPacket packet)
    {
        if (_completed)
            return false;
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        _packets.Enqueue(packet);
        return true;
    }

    public bool TryRead([MaybeNullWhen(false)] out SharedPacket packet)
    {
        if (!_packets.TryDequeue(out packet))
            return false;
        Interlocked.Decrement(ref _count);
        return true;
    }

    public void Complete() => _completed = true;
}
