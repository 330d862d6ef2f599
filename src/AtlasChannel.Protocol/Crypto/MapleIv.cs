using System.Buffers.Binary;
using System.Globalization;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// A session direction's 4-byte IV. <see cref="Value"/> holds the bytes little-endian (byte 0 lowest), the order
/// they appear on the wire in the Hello.
/// </summary>
public readonly record struct MapleIv(uint Value)
{
    public byte Byte0 => (byte)Value;

    public byte Byte1 => (byte)(Value >> 8);

    public byte Byte2 => (byte)(Value >> 16);

    public byte Byte3 => (byte)(Value >> 24);

    public static MapleIv FromBytes(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt32LittleEndian(bytes));

    public static MapleIv FromHex(string hex) => FromBytes(Convert.FromHexString(hex));

    public static MapleIv Random() => new(BinaryPrimitives.ReadUInt32LittleEndian(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, Value);

    /// <summary>The IV after one packet (the table-driven shuffle every client applies).</summary>
    public MapleIv Next() => new(IvShuffle.Shuffle(Value));

    /// <summary>Lowercase hex of the 4 bytes in wire order, e.g. "523078e9".</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[4];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public override string ToString() => ToHex();

    public static MapleIv Parse(string hex)
    {
        if (hex is null || hex.Length != 8 || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
            throw new FormatException($"an IV is 8 hex digits, got '{hex}'");
        return FromHex(hex);
    }
}
