using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AtlasChannel.Protocol.Packets;

/// <summary>
/// Builds a packet body (opcode + payload) in a pooled buffer. Reuse one writer per thread with
/// <see cref="Rent"/> so steady-state encoding allocates nothing: the buffer only grows, and only while
/// packets get bigger than any seen before.
/// </summary>
public sealed class PacketWriter : IBufferWriter<byte>, IDisposable
{
    private const int DefaultCapacity = 256;

    [ThreadStatic]
    private static PacketWriter? s_cached;

    private byte[] _buffer;
    private int _length;
    private Encoding _encoding;

    public PacketWriter(int capacity = DefaultCapacity, Encoding? encoding = null)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
        _encoding = encoding ?? PacketEncoding.Windows1252;
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public Encoding Encoding => _encoding;

    /// <summary>Takes this thread's cached writer (or a new one), cleared and set to <paramref name="encoding"/>.</summary>
    public static PacketWriter Rent(Encoding? encoding = null)
    {
        var writer = s_cached ?? new PacketWriter();
        s_cached = null;
        writer._length = 0;
        writer._encoding = encoding ?? PacketEncoding.Windows1252;
        return writer;
    }

    /// <summary>Returns a rented writer to this thread's cache. The writer must not be used afterwards.</summary>
    public void Dispose()
    {
        _length = 0;
        if (s_cached is null && _buffer.Length <= 64 * 1024)
            s_cached = this;
    }

    public void Reset() => _length = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public PacketWriter WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _length += 1;
        return this;
    }

    public PacketWriter WriteSByte(sbyte value) => WriteByte(unchecked((byte)value));

    public PacketWriter WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public PacketWriter WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(GetSpan(2), value);
        _length += 2;
        return this;
    }

    public PacketWriter WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(GetSpan(2), value);
        _length += 2;
        return this;
    }

    public PacketWriter WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        _length += 4;
        return this;
    }

    public PacketWriter WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(GetSpan(4), value);
        _length += 4;
        return this;
    }

    public PacketWriter WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        _length += 8;
        return this;
    }

    public PacketWriter WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(GetSpan(8), value);
        _length += 8;
        return this;
    }

    /// <summary>Writes the opcode in the version's width (1 byte for old GMS, else u16 LE).</summary>
    public PacketWriter WriteOpcode(ushort opcode, int width) =>
        width == 1 ? WriteByte(unchecked((byte)opcode)) : WriteUInt16(opcode);

    /// <summary>A u16 byte count followed by the encoded text, no terminator.</summary>
    public PacketWriter WriteString(string? value)
    {
        value ??= string.Empty;
        var byteCount = _encoding.GetByteCount(value);
        if (byteCount > ushort.MaxValue)
            throw new ArgumentException($"string of {byteCount} bytes does not fit a u16 length", nameof(value));
        var span = GetSpan(2 + byteCount);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)byteCount);
        _encoding.GetBytes(value, span.Slice(2, byteCount));
        _length += 2 + byteCount;
        return this;
    }

    /// <summary>Exactly <paramref name="length"/> bytes: the encoded text cut to fit, zero-filled after it.</summary>
    public PacketWriter WritePaddedString(string? value, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var span = GetSpan(length)[..length];
        span.Clear();
        if (!string.IsNullOrEmpty(value))
        {
            var byteCount = _encoding.GetByteCount(value);
            if (byteCount <= length)
            {
                _encoding.GetBytes(value, span);
            }
            else
            {
                var encoded = ArrayPool<byte>.Shared.Rent(byteCount);
                _encoding.GetBytes(value, encoded);
                encoded.AsSpan(0, length).CopyTo(span);
                ArrayPool<byte>.Shared.Return(encoded);
            }
        }

        _length += length;
        return this;
    }

    public PacketWriter WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
        return this;
    }

    public PacketWriter WriteZeroes(int count)
    {
        GetSpan(count)[..count].Clear();
        _length += count;
        return this;
    }

    /// <summary>A FILETIME value; see <see cref="PacketTime"/> for the constants.</summary>
    public PacketWriter WriteFileTime(long fileTime) => WriteInt64(fileTime);

    public PacketWriter WriteFileTime(DateTimeOffset? time) => WriteInt64(PacketTime.ToFileTime(time));

    public PacketWriter WritePosition(Position position) => WriteInt16(position.X).WriteInt16(position.Y);

    public PacketWriter WritePosition(short x, short y) => WriteInt16(x).WriteInt16(y);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_length + count > _buffer.Length)
            throw new InvalidOperationException("advanced past the end of the buffer");
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_length);
    }

    private void EnsureCapacity(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
            return;
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
