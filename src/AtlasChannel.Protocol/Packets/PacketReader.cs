using System.Buffers.Binary;
using System.Text;

namespace AtlasChannel.Protocol.Packets;

/// <summary>
/// Reads little-endian fields from a packet body. Reading past the end throws <see cref="PacketReadException"/>
/// and never returns garbage; the caller decides whether that closes the session.
/// </summary>
public ref struct PacketReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly Encoding _encoding;
    private int _position;

    public PacketReader(ReadOnlySpan<byte> data, Encoding? encoding = null)
    {
        _data = data;
        _encoding = encoding ?? PacketEncoding.Windows1252;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Length => _data.Length;

    public readonly int Remaining => _data.Length - _position;

    public readonly ReadOnlySpan<byte> RemainingSpan => _data[_position..];

    public byte ReadByte() => Take(1)[0];

    public sbyte ReadSByte() => unchecked((sbyte)Take(1)[0]);

    /// <summary>Any non-zero byte is true, as the client and Atlas treat it.</summary>
    public bool ReadBool() => Take(1)[0] != 0;

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads the opcode in the version's width (1 byte for old GMS, else u16 LE).</summary>
    public ushort ReadOpcode(int width) => width == 1 ? ReadByte() : ReadUInt16();

    /// <summary>A u16-length-prefixed string.</summary>
    public string ReadString()
    {
        var length = ReadUInt16();
        return _encoding.GetString(Take(length));
    }

    /// <summary>A fixed-length field of <paramref name="length"/> bytes, cut at the first zero byte.</summary>
    public string ReadPaddedString(int length)
    {
        var field = Take(length);
        var end = field.IndexOf((byte)0);
        return _encoding.GetString(end < 0 ? field : field[..end]);
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0)
            throw new PacketReadException($"negative length {count} at offset {_position}");
        return Take(count);
    }

    public void Skip(int count) => ReadBytes(count);

    /// <summary>A FILETIME (int64 100-ns ticks since 1601).</summary>
    public long ReadFileTime() => ReadInt64();

    public Position ReadPosition()
    {
        var x = ReadInt16();
        var y = ReadInt16();
        return new Position(x, y);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
            throw new PacketReadException(_position, count, _data.Length - _position);
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
