using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Tool.Crypto;

internal readonly record struct EncryptResult(byte[] Header, byte[] Body, MapleIv IvAfter);

internal readonly record struct DecryptResult(byte[] Data, MapleIv IvAfter, bool HeaderValid, int Length);

/// <summary>Encrypts and decrypts single packets with explicit IVs, as either side of a session would.</summary>
internal static class CryptoOperations
{
    public static EncryptResult Encrypt(ClientVersion version, PacketDirection direction, MapleIv iv, ReadOnlySpan<byte> data)
    {
        if (data.Length > ushort.MaxValue)
            throw new FormatException($"a packet body is at most 65535 bytes, got {data.Length}");
        var cipher = new MapleCipher(version, iv, HeaderKey(version, direction));
        var wire = new byte[data.Length + PacketHeader.Length];
        cipher.Encrypt(data, wire);
        return new EncryptResult(wire[..PacketHeader.Length], wire[PacketHeader.Length..], cipher.Iv);
    }

    public static DecryptResult Decrypt(ClientVersion version, PacketDirection direction, MapleIv iv, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        var cipher = new MapleCipher(version, iv, HeaderKey(version, direction));
        var valid = cipher.IsValidHeader(header);
        var length = PacketHeader.ReadLength(header);
        var data = body.ToArray();
        cipher.Decrypt(data);
        return new DecryptResult(data, cipher.Iv, valid, length);
    }

    private static ushort HeaderKey(ClientVersion version, PacketDirection direction) =>
        direction == PacketDirection.ServerToClient ? version.ServerToClientHeaderKey : version.ClientToServerHeaderKey;
}
