namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// The 4-byte header in front of every encrypted packet: two little-endian words A = IV[2..3] ^ key and
/// B = A ^ length. The key is 0xFFFF − major for server packets and major for client packets.
/// </summary>
public static class PacketHeader
{
    public const int Length = 4;

    public static void Write(Span<byte> destination, MapleIv iv, ushort key, int bodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)bodyLength, (uint)ushort.MaxValue, nameof(bodyLength));
        var a = (ushort)((iv.Value >> 16) ^ key);
        var b = (ushort)(a ^ bodyLength);
        destination[0] = (byte)a;
        destination[1] = (byte)(a >> 8);
        destination[2] = (byte)b;
        destination[3] = (byte)(b >> 8);
    }

    /// <summary>The body length a header announces (valid or not).</summary>
    public static int ReadLength(ReadOnlySpan<byte> header) =>
        (header[0] | (header[1] << 8)) ^ (header[2] | (header[3] << 8));

    /// <summary>True when the header was built with <paramref name="key"/> from <paramref name="iv"/>.</summary>
    public static bool IsValid(ReadOnlySpan<byte> header, MapleIv iv, ushort key)
    {
        var a = (ushort)(header[0] | (header[1] << 8));
        return (ushort)(a ^ (iv.Value >> 16)) == key;
    }
}
