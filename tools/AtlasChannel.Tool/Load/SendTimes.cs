using System.Diagnostics;

namespace AtlasChannel.Tool.Load;

/// <summary>
/// When each bot sent its recent moves, in one flat array: a relay's lookup is one 8-byte read (time and sequence
/// packed together), where a ring per bot cost several cache misses on the receive threads (the bot, its arrays).
/// </summary>
internal sealed class SendTimes(int bots)
{
    /// <summary>Slots per bot: 25 s of moves at 5/s (later relays count as unmatched). Kept small to stay in cache.</summary>
    public const int Ring = 128;

    private readonly long[] _slots = new long[checked(bots * Ring)];
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>Records a move's send time; called before the send, since a relay may arrive before the send returns.</summary>
    public void Stamp(int bot, ushort sequence, long timestamp)
    {
        var since = timestamp - _origin + 1; // ≥ 1: a zero slot is empty
        Volatile.Write(ref _slots[(bot * Ring) + (sequence % Ring)], (since << 16) | sequence);
    }

    public bool TryGet(int bot, ushort sequence, out long timestamp)
    {
        var packed = Volatile.Read(ref _slots[(bot * Ring) + (sequence % Ring)]);
        timestamp = (packed >> 16) + _origin - 1;
        return packed != 0 && (ushort)packed == sequence;
    }
}
