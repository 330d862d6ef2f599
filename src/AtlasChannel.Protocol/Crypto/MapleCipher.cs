namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// One direction of one session's packet crypto: header, Shanda (GMS), AES-OFB, then the IV shuffle — exactly
/// once per packet. Not thread-safe: the owner serialises calls so that IV order equals wire order.
/// </summary>
public sealed class MapleCipher
{
    private readonly bool _usesShanda;
    private readonly IvExpansion _expansion;

    public MapleCipher(ClientVersion version, MapleIv iv, ushort headerKey)
    {
        ArgumentNullException.ThrowIfNull(version);
        Version = version;
        Iv = iv;
        HeaderKey = headerKey;
        _usesShanda = version.UsesShanda;
        _expansion = version.IvExpansion;
    }

    public ClientVersion Version { get; }

    /// <summary>The IV the next packet will use.</summary>
    public MapleIv Iv { get; private set; }

    public ushort HeaderKey { get; }

    /// <summary>Whether this version runs Shanda inside AES (GMS).</summary>
    public bool UsesShanda => _usesShanda;

    /// <summary>The server's sending side (header key 0xFFFF − major).</summary>
    public static MapleCipher ServerSend(ClientVersion version, MapleIv iv) => new(version, iv, version.ServerToClientHeaderKey);

    /// <summary>The server's receiving side: validates client headers against key = major.</summary>
    public static MapleCipher ServerReceive(ClientVersion version, MapleIv iv) => new(version, iv, version.ClientToServerHeaderKey);

    /// <summary>A client's sending side (what a bot or test client uses).</summary>
    public static MapleCipher ClientSend(ClientVersion version, MapleIv iv) => new(version, iv, version.ClientToServerHeaderKey);

    /// <summary>A client's receiving side: validates server headers.</summary>
    public static MapleCipher ClientReceive(ClientVersion version, MapleIv iv) => new(version, iv, version.ServerToClientHeaderKey);

    /// <summary>
    /// Encrypts a packet in place. <paramref name="packet"/> is 4 header bytes (overwritten) followed by the
    /// plaintext body (opcode + payload).
    /// </summary>
    public void EncryptInPlace(Span<byte> packet) => Seal(packet, _usesShanda);

    /// <summary>
    /// As <see cref="EncryptInPlace"/> for a body that already went through Shanda (a fan-out ran it once for all its
    /// recipients; Shanda has no key or IV). Only the header, AES and the IV step remain.
    /// </summary>
    public void EncryptAfterShandaInPlace(Span<byte> packet) => Seal(packet, applyShanda: false);

    private void Seal(Span<byte> packet, bool applyShanda)
    {
        if (packet.Length < PacketHeader.Length)
            throw new ArgumentException("a packet has at least a 4-byte header", nameof(packet));
        var body = packet[PacketHeader.Length..];
        PacketHeader.Write(packet, Iv, HeaderKey, body.Length);
        if (applyShanda)
            Shanda.Encrypt(body);
        MapleAes.Transform(body, Iv, _expansion);
        Iv = Iv.Next();
    }

    /// <summary>Writes header + encrypted <paramref name="body"/> to <paramref name="destination"/> (body length + 4 bytes).</summary>
    public int Encrypt(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var total = body.Length + PacketHeader.Length;
        if (destination.Length < total)
            throw new ArgumentException("destination too small", nameof(destination));
        body.CopyTo(destination[PacketHeader.Length..]);
        EncryptInPlace(destination[..total]);
        return total;
    }

    /// <summary>True when a received header was built with this side's key and current IV.</summary>
    public bool IsValidHeader(ReadOnlySpan<byte> header) => PacketHeader.IsValid(header, Iv, HeaderKey);

    /// <summary>Decrypts a received body in place and advances the IV.</summary>
    public void Decrypt(Span<byte> body)
    {
        MapleAes.Transform(body, Iv, _expansion);
        if (_usesShanda)
            Shanda.Decrypt(body);
        Iv = Iv.Next();
    }
}
