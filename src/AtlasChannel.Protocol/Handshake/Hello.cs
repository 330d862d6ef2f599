using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Handshake;

/// <summary>
/// The plaintext first packet the server sends after accept: version, patch string, both IVs (the server's
/// receive IV first) and the locale. It is not encrypted and does not advance either IV.
/// </summary>
public readonly record struct Hello(ushort Major, string Patch, MapleIv ServerReceiveIv, MapleIv ServerSendIv, byte Locale)
{
    /// <summary>Hellos are tiny; anything claiming more is not a Hello.</summary>
    public const int MaxLength = 64;

    public static Hello For(ClientVersion version, MapleIv serverReceiveIv, MapleIv serverSendIv)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new Hello(version.Major, version.PatchString, serverReceiveIv, serverSendIv, version.Locale);
    }

    /// <summary>Total bytes on the wire, length prefix included.</summary>
    public int WireLength => 2 + 13 + Encoding.ASCII.GetByteCount(Patch);

    /// <summary>
    /// Writes the Hello. The leading length is the real length of what follows (13 + patch length); Atlas
    /// hard-codes 0x0E, which is the same for every one-digit minor version.
    /// </summary>
    public int WriteTo(Span<byte> destination)
    {
        var patchLength = Encoding.ASCII.GetByteCount(Patch);
        var total = 2 + 13 + patchLength;
        if (destination.Length < total)
            throw new ArgumentException("destination too small for the Hello", nameof(destination));
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)(13 + patchLength));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], Major);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], (ushort)patchLength);
        Encoding.ASCII.GetBytes(Patch, destination.Slice(6, patchLength));
        ServerReceiveIv.WriteTo(destination[(6 + patchLength)..]);
        ServerSendIv.WriteTo(destination[(10 + patchLength)..]);
        destination[14 + patchLength] = Locale;
        return total;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[WireLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Client side: reads a Hello from the start of <paramref name="buffer"/>. Returns false while more bytes are
    /// needed; throws <see cref="InvalidDataException"/> when the bytes cannot be a Hello.
    /// </summary>
    public static bool TryRead(ReadOnlySequence<byte> buffer, out Hello hello, out SequencePosition consumed)
    {
        hello = default;
        consumed = buffer.Start;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadLittleEndian(out short rawLength))
            return false;
        var length = (ushort)rawLength;
        if (length is < 13 or > MaxLength)
            throw new InvalidDataException($"Hello length {length} is not plausible");
        if (reader.Remaining < length)
            return false;

        Span<byte> body = stackalloc byte[length];
        reader.TryCopyTo(body);
        reader.Advance(length);
        consumed = reader.Position;

        var major = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var patchLength = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        if (4 + patchLength + 9 != length)
            throw new InvalidDataException($"Hello patch length {patchLength} does not fit its length {length}");
        var patch = Encoding.ASCII.GetString(body.Slice(4, patchLength));
        var receive = MapleIv.FromBytes(body[(4 + patchLength)..]);
        var send = MapleIv.FromBytes(body[(8 + patchLength)..]);
        hello = new Hello(major, patch, receive, send, body[12 + patchLength]);
        return true;
    }
}
