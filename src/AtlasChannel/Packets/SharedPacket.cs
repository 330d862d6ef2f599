using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace AtlasChannel.Packets;

/// <summary>
/// A plaintext packet body (opcode + payload) encoded once and queued to one or many sessions. Reference-counted and
/// pooled: each session's writer copies it into its send batch, encrypts there, and releases its reference, so a
/// fan-out of one event to fifty players allocates nothing per recipient.
/// </summary>
public sealed class SharedPacket
{
    private const int MaxPooled = 4096;
    private static readonly ConcurrentQueue<SharedPacket> Pool = new();
    private static int s_pooled;

    private byte[] _buffer = [];
    private PaddedCount _references;

    private SharedPacket()
    {
    }

    public int Length { get; private set; }

    /// <summary>The writer name the packet was built with, for logs and metrics.</summary>
    public string Name { get; private set; } = string.Empty;

    public ushort Opcode { get; private set; }

    public ReadOnlySpan<byte> Body => _buffer.AsSpan(0, Length);

    /// <summary>Copies <paramref name="body"/> into a pooled packet holding one reference (the caller's).</summary>
    public static SharedPacket Create(ReadOnlySpan<byte> body, string name, ushort opcode)
    {
        if (Pool.TryDequeue(out var packet))
            Interlocked.Decrement(ref s_pooled);
        else
            packet = new SharedPacket();

        if (packet._buffer.Length < body.Length)
        {
            if (packet._buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(packet._buffer);
            packet._buffer = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 64));
        }

        body.CopyTo(packet._buffer);
        packet.Length = body.Length;
        packet.Name = name;
        packet.Opcode = opcode;
        packet._references.Value = 1;
        return packet;
    }

    /// <summary>Live references (tests).</summary>
    internal int References => Volatile.Read(ref _references.Value);

    /// <summary>Takes <paramref name="count"/> references in one step (a fan-out, before it hands them out).</summary>
    public void AddReferences(int count) => Interlocked.Add(ref _references.Value, count);

    /// <summary>Drops one reference; the last one returns the packet to the pool.</summary>
    public void Release() => Release(1);

    /// <summary>Drops <paramref name="count"/> references; the last one returns the packet to the pool.</summary>
    public void Release(int count)
    {
        if (count == 0)
            return;
        var remaining = Interlocked.Add(ref _references.Value, -count);
        if (remaining > 0)
            return;
        if (remaining < 0)
            throw new InvalidOperationException("SharedPacket released more often than referenced");
        if (Interlocked.Increment(ref s_pooled) <= MaxPooled)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref s_pooled);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>
    /// The count at least a cache line away from the fields the writers read. The recipients' writers on every core
    /// decrement it, and each decrement would otherwise evict the line holding the buffer and length from the other
    /// cores, so every writer's copy of the packet started with a miss.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedCount
    {
        [FieldOffset(64)]
        public int Value;
    }
}
