using System.Buffers;
using System.Net.Sockets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Protocol.Handshake;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.Tool.Load.Epoll;

/// <summary>
/// Called for every decrypted packet, on the receive thread; <paramref name="body"/> starts with the opcode.
/// <paramref name="receivedAt"/> is when the tool read it, <paramref name="arrivedAt"/> when the kernel queued it on
/// the socket (both <see cref="System.Diagnostics.Stopwatch"/> timestamps; <paramref name="arrivedAt"/> is 0 where the
/// kernel gives no stamp).
/// </summary>
internal delegate void ReceivedPacket(LoadConnection connection, ushort opcode, ReadOnlySpan<byte> body, long receivedAt, long arrivedAt);

/// <summary>
/// A load bot's connection for the epoll engine: a non-blocking socket that is never handed to .NET's async socket
/// engine. The handshake runs blocking on a login thread; afterwards one receive thread reads it (<see cref="Receive"/>)
/// and one sending thread writes it (<see cref="Send"/>), each owning its own cipher.
/// </summary>
internal sealed class LoadConnection : IDisposable
{
    private const int InitialBuffer = 16 * 1024;
    private const int MaxPendingSend = 64 * 1024;

    private readonly Socket _socket;
    private readonly MapleCipher _send;
    private readonly FrameDecoder _decoder;
    private readonly int _opcodeWidth;
    private byte[] _buffer;
    private int _filled;
    private byte[] _pending = [];
    private int _pendingLength;
    private byte[] _scratch = new byte[512];
    private readonly bool _stamped; // the kernel stamps arrivals (SO_TIMESTAMPNS)
    private string? _failure; // set once, by whichever of the two threads sees the end first

    private LoadConnection(Socket socket, Hello hello, ClientVersion version, OpcodeTable table, int token, ReadOnlySpan<byte> leftover)
    {
        _socket = socket;
        Version = version;
        Table = table;
        Token = token;
        Fd = (int)socket.Handle;
        _opcodeWidth = version.OpcodeWidth;
        _send = MapleCipher.ClientSend(version, hello.ServerReceiveIv);
        _decoder = new FrameDecoder(MapleCipher.ClientReceive(version, hello.ServerSendIv));
        MovementOpcode = TemplateOpcodes.WriterOrNone(table, "CharacterMovement");
        SetFieldOpcode = TemplateOpcodes.WriterOrNone(table, "SetField");
        _stamped = TimestampedReceive.Enable(Fd);
        _buffer = new byte[Math.Max(InitialBuffer, leftover.Length)];
        leftover.CopyTo(_buffer);
        _filled = leftover.Length;
    }

    public ClientVersion Version { get; }

    public OpcodeTable Table { get; }

    /// <summary>What the receive engine knows this connection by (the bot's index).</summary>
    public int Token { get; }

    public int Fd { get; }

    /// <summary>The CharacterMovement writer's opcode in this connection's template, or −1.</summary>
    public int MovementOpcode { get; }

    /// <summary>The SetField writer's opcode in this connection's template, or −1.</summary>
    public int SetFieldOpcode { get; }

    /// <summary>Why the connection can't go on, once <see cref="Receive"/> or <see cref="Send"/> has said so.</summary>
    public string? Failure => Volatile.Read(ref _failure);

    /// <summary>Connects and reads the Hello, blocking for at most <paramref name="timeout"/> per step; the socket is non-blocking afterwards.</summary>
    public static LoadConnection Connect(string host, int port, OpcodeTable? table, int token, TimeSpan timeout)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)timeout.TotalMilliseconds,
            SendTimeout = (int)timeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(host, port);
            var buffer = new byte[InitialBuffer];
            var filled = 0;
            while (true)
            {
                var read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                if (read == 0)
                    throw new InvalidDataException("the server closed before sending a complete Hello");
                filled += read;
                if (Hello.TryRead(new ReadOnlySequence<byte>(buffer, 0, filled), out var hello, out var consumed))
                {
                    var used = (int)consumed.GetInteger();
                    var (version, resolved) = BotClient.ResolveVersion(hello, table);
                    socket.Blocking = false;
                    return new LoadConnection(socket, hello, version, resolved, token, buffer.AsSpan(used, filled - used));
                }

                if (filled == buffer.Length)
                    throw new InvalidDataException("no Hello in the first 16 KB");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One <c>recv</c>, then every complete frame it finished, in order. False when the connection has ended (closed,
    /// reset, or a header that doesn't validate); <see cref="Failure"/> says why.
    /// </summary>
    public bool Receive(ReceivedPacket onPacket)
    {
        if (Failure is not null)
            return false;
        if (!TryRead(out var read, out var arrivalUnixNs, out var ended))
            return ended is null || Fail(ended);

        var receivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var arrivedAt = 0L;
        if (arrivalUnixNs > 0)
        {
            // The stamp is wall-clock time: how long ago it was, taken off the monotonic read time.
            var waitedNs = Math.Max(0, ((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100) - arrivalUnixNs);
            arrivedAt = receivedAt - (long)(waitedNs * (System.Diagnostics.Stopwatch.Frequency / 1e9));
        }

        _filled += read;
        var unread = new ReadOnlySequence<byte>(_buffer, 0, _filled);
        FrameError frameError;
        while (_decoder.TryReadFrame(ref unread, out var body, out frameError))
            onPacket(this, new PacketReader(body.Span).ReadOpcode(_opcodeWidth), body.Span, receivedAt, arrivedAt);
        if (frameError != FrameError.None)
            return Fail(frameError == FrameError.InvalidHeader ? "invalid header" : "frame rejected: " + frameError);

        var consumed = _filled - (int)unread.Length;
        if (consumed > 0)
        {
            _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
            _filled -= consumed;
        }

        if (_filled == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2); // one frame larger than the buffer (at most 64 KB + header)
        return true;
    }

    /// <summary>One read: false with <paramref name="ended"/> null when nothing was there, or with why the connection ended.</summary>
    private bool TryRead(out int read, out long arrivalUnixNs, out string? ended)
    {
        ended = null;
        arrivalUnixNs = 0;
        if (_stamped)
        {
            read = TimestampedReceive.Receive(Fd, _buffer.AsSpan(_filled), out arrivalUnixNs);
            if (TimestampedReceive.IsWouldBlock(read))
                return false;
            ended = read < 0 ? "receive failed: errno " + -read : read == 0 ? "closed by server" : null;
            return ended is null;
        }

        SocketError error;
        try
        {
            read = _socket.Receive(_buffer.AsSpan(_filled), SocketFlags.None, out error);
        }
        catch (ObjectDisposedException)
        {
            read = 0;
            ended = "closed by client";
            return false;
        }

        if (error == SocketError.WouldBlock)
            return false;
        ended = error != SocketError.Success ? "receive failed: " + error : read == 0 ? "closed by server" : null;
        return ended is null;
    }

    /// <summary>
    /// Encrypts and writes one packet without blocking. Bytes the socket doesn't take wait (in order) for the next call;
    /// false once more than 64 KB are waiting or the write fails.
    /// </summary>
    public bool Send(ushort opcode, ReadOnlySpan<byte> payload)
    {
        if (Failure is not null)
            return false;
        var body = _opcodeWidth + payload.Length;
        var total = PacketHeader.Length + body;
        if (_scratch.Length < total)
            _scratch = new byte[total];
        var packet = _scratch.AsSpan(0, total);
        packet[PacketHeader.Length] = (byte)opcode;
        if (_opcodeWidth == 2)
            packet[PacketHeader.Length + 1] = (byte)(opcode >> 8);
        payload.CopyTo(packet[(PacketHeader.Length + _opcodeWidth)..]);
        _send.EncryptInPlace(packet);

        if (_pendingLength > 0)
        {
            Append(packet);
            return Failure is null && FlushPending();
        }

        var sent = TrySend(packet);
        if (sent < 0)
            return false;
        if (sent < total)
            Append(packet[sent..]);
        return Failure is null;
    }

    /// <summary>Sends a packet to the handler bound to <paramref name="handlerName"/>.</summary>
    public bool Send(string handlerName, ReadOnlySpan<byte> payload) => Send(OpcodeOf(handlerName), payload);

    public ushort OpcodeOf(string handlerName) => TemplateOpcodes.Handler(Table, Version, handlerName);

    /// <summary>Shuts the connection down from the client side and closes it; the receive thread must be done with it.</summary>
    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone, or disposed before.
        }

        _socket.Dispose();
        _decoder.Dispose();
    }

    private bool FlushPending()
    {
        var sent = TrySend(_pending.AsSpan(0, _pendingLength));
        if (sent < 0)
            return false;
        _pending.AsSpan(sent, _pendingLength - sent).CopyTo(_pending);
        _pendingLength -= sent;
        return true;
    }

    private int TrySend(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var sent = _socket.Send(bytes, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
                return 0;
            if (error != SocketError.Success)
            {
                Fail("send failed: " + error);
                return -1;
            }

            return sent;
        }
        catch (ObjectDisposedException)
        {
            Fail("closed by client");
            return -1;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength + bytes.Length > MaxPendingSend)
        {
            Fail("the server stopped reading (64 KB unsent)");
            return;
        }

        if (_pending.Length < _pendingLength + bytes.Length)
            Array.Resize(ref _pending, Math.Max(4096, (_pendingLength + bytes.Length) * 2));
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    private bool Fail(string reason)
    {
        Interlocked.CompareExchange(ref _failure, reason, null);
        return false;
    }
}
