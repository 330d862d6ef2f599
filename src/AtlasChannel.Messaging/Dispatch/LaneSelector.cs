namespace AtlasChannel.Messaging.Dispatch;

/// <summary>Maps a key to a lane: equal keys always share a lane (ordering); keyless messages are spread round-robin.</summary>
internal sealed class LaneSelector(int laneCount)
{
    private int _roundRobin;

    public int LaneCount => laneCount;

    public int LaneFor(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
            return (int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)laneCount);
        return (int)(Hash(key) % (uint)laneCount);
    }

    /// <summary>FNV-1a with a final avalanche, so 8-byte little-endian ids spread over few lanes evenly.</summary>
    internal static uint Hash(ReadOnlySpan<byte> key)
    {
        var hash = 2166136261u;
        foreach (var b in key)
            hash = (hash ^ b) * 16777619u;
        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        return hash;
    }
}
