using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Protocol.Handshake;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Tool.Tests;

/// <summary>
/// A tiny server built only from the Protocol library: sends the Hello, decodes client packets, and answers each
/// with one server packet produced by <see cref="Reply"/>. Used to test the bot from the outside.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ClientVersion _version;
    private readonly Task _serving;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer(ClientVersion version, Func<ushort, byte[], byte[]?> reply, int closeAfterPackets = int.MaxValue)
    {
        _version = version;
        Reply = reply;
        CloseAfterPackets = closeAfterPackets;
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Func<ushort, byte[], byte[]?> Reply { get; }

    public int CloseAfterPackets { get; }

    public List<(ushort Opcode, byte[] Body)> Received { get; } = [];

    public TaskCompletionSource<string> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        using var socket = await _listener.AcceptSocketAsync(_stop.Token);
        await using var stream = new NetworkStream(socket);
        var receiveIv = MapleIv.Random();
        var sendIv = MapleIv.Random();
        await stream.WriteAsync(Hello.For(_version, receiveIv, sendIv).ToArray(), _stop.Token);

        var send = MapleCipher.ServerSend(_version, sendIv);
        using var decoder = new FrameDecoder(MapleCipher.ServerReceive(_version, receiveIv));
        var input = PipeReader.Create(stream);
        var count = 0;
        var result = await FrameReader.ReadAllAsync(input, decoder, async body =>
        {
            var reader = new PacketReader(body.Span);
            var opcode = reader.ReadOpcode(_version.OpcodeWidth);
            var copy = body.ToArray();
            lock (Received)
                Received.Add((opcode, copy));
            if (Reply(opcode, copy) is { } answer)
            {
                var wire = new byte[answer.Length + 4];
                send.Encrypt(answer, wire);
                await stream.WriteAsync(wire, _stop.Token);
            }

            if (++count >= CloseAfterPackets)
                socket.Shutdown(SocketShutdown.Both);
        }, _stop.Token);
        Ended.TrySetResult(result.Reason);
    }
}
