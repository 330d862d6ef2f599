using System.Buffers;
using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Framing;

/// <summary>Why a stream of frames cannot continue.</summary>
public enum FrameError
{
    None,

    /// <summary>The header was not built with the expected key and IV: the stream is desynchronised or hostile.</summary>
    InvalidHeader,

    /// <summary>The announced body is longer than the configured maximum.</summary>
    TooLarge,

    /// <summary>The announced body cannot even hold an opcode.</summary>
    TooShort,
}

/// <summary>
/// Cuts decrypted packet bodies out of a byte stream: 4-byte header (validated), then exactly the announced
/// number of body bytes, however the bytes were split across reads. One decoder per connection direction; the
/// returned body stays valid until the next call.
/// </summary>
public sealed class FrameDecoder : IDisposable
{
    public const int DefaultMaxBodyLength = 64 * 1024 - 1;

    private readonly MapleCipher _cipher;
    private readonly int _minBodyLength;
    private byte[] _body;

    public FrameDecoder(MapleCipher cipher, int maxBodyLength = DefaultMaxBodyLength)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBodyLength, 1);
        _cipher = cipher;
        MaxBodyLength = Math.Min(maxBodyLength, ushort.MaxValue);
        _minBodyLength = cipher.Version.OpcodeWidth;
        _body = ArrayPool<byte>.Shared.Rent(512);
    }

    public int MaxBodyLength { get; }

    public MapleCipher Cipher => _cipher;

    /// <summary>The announced length of the last header that failed, for the close reason.</summary>
    public int LastAnnouncedLength { get; private set; }

    /// <summary>
    /// Takes one frame from the front of <paramref name="buffer"/>. Returns true with the decrypted body; false with
    /// <paramref name="error"/> = <see cref="FrameError.None"/> when more bytes are needed (nothing consumed), or
    /// with an error that must end the connection.
    /// </summary>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlyMemory<byte> body, out FrameError error)
    {
        body = default;
        error = FrameError.None;
        if (buffer.Length < PacketHeader.Length)
            return false;

        Span<byte> header = stackalloc byte[PacketHeader.Length];
        buffer.Slice(0, PacketHeader.Length).CopyTo(header);
        if (!_cipher.IsValidHeader(header))
        {
            error = FrameError.InvalidHeader;
            return false;
        }

        var length = PacketHeader.ReadLength(header);
        LastAnnouncedLength = length;
        if (length > MaxBodyLength)
        {
            error = FrameError.TooLarge;
            return false;
        }

        if (length < _minBodyLength)
        {
            error = FrameError.TooShort;
            return false;
        }

        if (buffer.Length < PacketHeader.Length + length)
            return false;

        if (_body.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_body);
            _body = ArrayPool<byte>.Shared.Rent(length);
        }

        var target = _body.AsSpan(0, length);
        buffer.Slice(PacketHeader.Length, length).CopyTo(target);
        _cipher.Decrypt(target);
        buffer = buffer.Slice(PacketHeader.Length + length);
        body = _body.AsMemory(0, length);
        return true;
    }

    public void Dispose()
    {
        var body = _body;
        _body = [];
        if (body.Length > 0)
            ArrayPool<byte>.Shared.Return(body);
    }
}
