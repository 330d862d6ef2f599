using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
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
    private Counters _counters;
    private volatile bool _completed;

    public int Capacity { get; } = capacity;

    public bool IsEmpty => _packets.IsEmpty;

    /// <summary>False when the queue is full or completed; the caller keeps its reference then.</summary>
    public bool TryWrite(SharedPacket packet)
    {
        if (_completed)
            return false;
        var written = Interlocked.Increment(ref _counters.Written);
        if (written - Volatile.Read(ref _counters.ReadSeen) > Capacity)
        {
            // The writers' copy of the reader's count is stale (it only lags): look at the real one, once per
            // Capacity packets of a flowing queue instead of once per packet.
            var read = Volatile.Read(ref _counters.Read);
            Volatile.Write(ref _counters.ReadSeen, read); // racing writers may store an older count: that only costs another look
            if (written - read > Capacity)
            {
                Interlocked.Decrement(ref _counters.Written);
                return false;
            }
        }

        _packets.Enqueue(packet);
        return true;
    }

    /// <summary>
    /// The session's writer only, or a drain after close (the count only bounds a live session's queue, so two drains
    /// of a closed one may race on it harmlessly).
    /// </summary>
    public bool TryRead([MaybeNullWhen(false)] out SharedPacket packet)
    {
        if (!_packets.TryDequeue(out packet))
            return false;
        Volatile.Write(ref _counters.Read, _counters.Read + 1); // single reader: no atomic needed
        return true;
    }

    public void Complete() => _completed = true;

    /// <summary>
    /// The writers' count and the reader's count on separate cache lines: the reader's core and the writers' cores
    /// would otherwise pass one line back and forth on every packet. The writers keep their own copy of the reader's
    /// count next to theirs.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct Counters
    {
        [FieldOffset(64)]
        public long Written;

        [FieldOffset(72)]
        public long ReadSeen;

        [FieldOffset(128)]
        public long Read;
    }
}
