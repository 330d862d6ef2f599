using System.IO.Pipelines;
using System.Net.Sockets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Protocol.Handshake;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Tool.Bot;

/// <summary>
/// A headless game client: reads the Hello, sets up both ciphers exactly as a real client does, sends packets by
/// handler name and hands every received packet to a callback. Used by <c>bot</c> and <c>load</c>.
/// </summary>
internal sealed class BotClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly MapleCipher _send;
    private readonly FrameDecoder _decoder;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private bool _closedByClient;

    private BotClient(Socket socket, NetworkStream stream, PipeReader input, Hello hello, ClientVersion version, OpcodeTable table)
    {
        _socket = socket;
        _stream = stream;
        _input = input;
        Hello = hello;
        Version = version;
        Table = table;
        _send = MapleCipher.ClientSend(version, hello.ServerReceiveIv);
        _decoder = new FrameDecoder(MapleCipher.ClientReceive(version, hello.ServerSendIv));
    }

    public Hello Hello { get; }

    public ClientVersion Version { get; }

    public OpcodeTable Table { get; }

    public bool ClosedByClient => _closedByClient;

    /// <summary>
    /// Connects and completes the handshake. The Hello carries no region, so the locale decides (3 = JMS); the
    /// template is the bundled one for that version unless <paramref name="table"/> is given.
    /// </summary>
    public static async Task<BotClient> ConnectAsync(string host, int port, OpcodeTable? table, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: false);
            var input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            var hello = await ReadHelloAsync(input, cancellationToken);
            var (version, resolved) = ResolveVersion(hello, table);
            return new BotClient(socket, stream, input, hello, version, resolved);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The version a Hello announces and the template to speak it with: <paramref name="table"/> when given, else the
    /// bundled one. The Hello carries no region, so the locale decides (3 = JMS).
    /// </summary>
    internal static (ClientVersion Version, OpcodeTable Table) ResolveVersion(Hello hello, OpcodeTable? table)
    {
        var minor = ushort.TryParse(hello.Patch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : (ushort)1;
        var version = new ClientVersion(hello.Locale == 3 ? ClientVersion.Japan : ClientVersion.Global, hello.Major, minor);
        table ??= BundledTemplates.Exists(version)
            ? BundledTemplates.Load(version)
            : throw new InvalidDataException($"no bundled template for {version}; pass --template");
        return (version, table);
    }

    /// <summary>Sends a packet to the handler bound to <paramref name="handlerName"/> in the tenant template.</summary>
    public Task SendAsync(string handlerName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var opcode = TemplateOpcodes.Handler(Table, Version, handlerName);
        using var writer = PacketWriter.Rent();
        writer.WriteOpcode(opcode, Version.OpcodeWidth).WriteBytes(payload.Span);
        return SendBodyAsync(writer.ToArray(), cancellationToken);
    }

    /// <summary>Encrypts and sends a plaintext body (opcode + payload).</summary>
    public async Task SendBodyAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var wire = new byte[body.Length + PacketHeader.Length];
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            _send.Encrypt(body.Span, wire);
            await _stream.WriteAsync(wire, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Writes bytes to the socket as they are, bypassing the cipher (hostile-client tests).</summary>
    public async Task SendRawWireAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Receives until the server closes, the bot closes, or the stream breaks.</summary>
    public async Task<FrameLoopResult> ReceiveAsync(Func<ushort, ReadOnlyMemory<byte>, ValueTask> onPacket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onPacket);
        var width = Version.OpcodeWidth;
        try
        {
            return await FrameReader.ReadAllAsync(_input, _decoder, body =>
            {
                var reader = new PacketReader(body.Span);
                return onPacket(reader.ReadOpcode(width), body);
            }, cancellationToken);
        }
        catch (IOException) when (_closedByClient)
        {
            return new FrameLoopResult(FrameError.None, "closed by client");
        }
        catch (IOException ex)
        {
            return new FrameLoopResult(FrameError.None, "connection reset: " + ex.Message);
        }
        catch (ObjectDisposedException)
        {
            return new FrameLoopResult(FrameError.None, "closed by client");
        }
    }

    /// <summary>Half-closes then closes the connection from the client side.</summary>
    public void Close()
    {
        _closedByClient = true;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone.
        }

        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closedByClient)
            Close();
        await _input.CompleteAsync();
        await _stream.DisposeAsync();
        _socket.Dispose();
        _decoder.Dispose();
        _sendLock.Dispose();
    }

    private static async Task<Hello> ReadHelloAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (Hello.TryRead(buffer, out var hello, out var consumed))
            {
                input.AdvanceTo(consumed);
                return hello;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
                throw new InvalidDataException("the server closed before sending a complete Hello");
        }
    }
}
