using System.Diagnostics.CodeAnalysis;
using AtlasChannel.Packets;

namespace AtlasChannel.Networking;

/// <summary>
/// A session's queued packets as its flusher thread holds them: a growable circular buffer with no synchronisation,
/// because only that thread adds (a delivery it accepted) and takes (a flush). Grows by doubling, never shrinks, so a
/// steady stream reuses the same slots.
/// </summary>
internal sealed class PacketRing
{
    private SharedPacket?[] _slots = new SharedPacket?[16];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Add(SharedPacket packet)
    {
        if (_count == _slots.Length)
            Grow();
        _slots[(_head + _count) & (_slots.Length - 1)] = packet;
        _count++;
    }

    public bool TryTake([MaybeNullWhen(false)] out SharedPacket packet)
    {
        if (_count == 0)
        {
            packet = null;
            return false;
        }

        packet = _slots[_head]!;
        _slots[_head] = null;
        _head = (_head + 1) & (_slots.Length - 1);
        _count--;
        return true;
    }

    private void Grow()
    {
        var larger = new SharedPacket?[_slots.Length * 2];
        for (var i = 0; i < _count; i++)
            larger[i] = _slots[(_head + i) & (_slots.Length - 1)];
        _slots = larger;
        _head = 0;
    }
}
