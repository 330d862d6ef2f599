using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using AtlasChannel.Protocol.Crypto;

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
    private byte[] _shanda = [];
    private bool _hasShanda;
    private PaddedCount _references;

    private SharedPacket()
    {
    }

    public int Length { get; private set; }

    /// <summary>The writer name the packet was built with, for logs and metrics.</summary>
    public string Name { get; private set; } = string.Empty;

    public ushort Opcode { get; private set; }

    /// <summary>When the packet was built (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), for the outbound queue delay.</summary>
    public long CreatedAt { get; private set; }

    public ReadOnlySpan<byte> Body => _buffer.AsSpan(0, Length);

    /// <summary>Whether <see cref="ShandaBody"/> holds the body after Shanda (see <see cref="PrecomputeShanda"/>).</summary>
    public bool HasShandaBody => _hasShanda;

    /// <summary>The body after Shanda when <see cref="HasShandaBody"/>; empty otherwise.</summary>
    public ReadOnlySpan<byte> ShandaBody => _hasShanda ? _shanda.AsSpan(0, Length) : default;

    /// <summary>
    /// Runs Shanda over a copy of the body, once, for every GMS recipient's writer to use: Shanda has no key and no
    /// IV, so each of a fan-out's recipients would compute the same bytes, and only the AES layer differs per session.
    /// Call before the packet is queued anywhere (queueing publishes it to the writers' threads).
    /// </summary>
    public void PrecomputeShanda()
    {
        if (_hasShanda)
            return;
        EnsureCapacity(ref _shanda, Length);
        var target = _shanda.AsSpan(0, Length);
        Body.CopyTo(target);
        Shanda.Encrypt(target);
        _hasShanda = true;
    }

    /// <summary>Copies <paramref name="body"/> into a pooled packet holding one reference (the caller's).</summary>
    public static SharedPacket Create(ReadOnlySpan<byte> body, string name, ushort opcode)
    {
        if (Pool.TryDequeue(out var packet))
            Interlocked.Decrement(ref s_pooled);
        else
            packet = new SharedPacket();

        EnsureCapacity(ref packet._buffer, body.Length);
        body.CopyTo(packet._buffer);
        packet.Length = body.Length;
        packet.Name = name;
        packet.Opcode = opcode;
        packet._hasShanda = false;
        packet.CreatedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        packet._references.Value = 1;
        return packet;
    }

    private static void EnsureCapacity(ref byte[] buffer, int length)
    {
        if (buffer.Length >= length)
            return;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 64));
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
            if (_shanda.Length > 0)
                ArrayPool<byte>.Shared.Return(_shanda);
            _shanda = [];
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
