namespace AtlasChannel.Protocol.Crypto;

/// <summary>The fixed AES-256 key every supported client uses (eight bytes, each followed by three zeros).</summary>
internal static class MapleAesKey
{
    public static ReadOnlySpan<byte> Bytes =>
    [
        0x13, 0, 0, 0, 0x08, 0, 0, 0, 0x06, 0, 0, 0, 0xB4, 0, 0, 0,
        0x1B, 0, 0, 0, 0x0F, 0, 0, 0, 0x33, 0, 0, 0, 0x52, 0, 0, 0,
    ];
}
