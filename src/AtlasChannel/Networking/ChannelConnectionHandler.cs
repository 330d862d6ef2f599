using System.Diagnostics;
using AtlasChannel.Handlers;
using AtlasChannel.Observability;
using AtlasChannel.Packets;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Protocol.Handshake;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Networking;

/// <summary>
/// Runs one client connection of one channel server: Hello, then a read loop (decrypt, frame, dispatch one packet at a
/// time, in order) and a write loop (drain the session's bounded queue, encrypt in send order, flush once per batch).
/// Whatever ends first ends the session.
/// </summary>
public sealed partial class ChannelConnectionHandler
{
    private readonly ChannelServer _server;
    private readonly PacketEncoder _encoder;
    private readonly SessionRegistry _registry;
    private readonly PacketDispatcher _dispatcher;
    private readonly ISessionLifecycle _lifecycle;
    private readonly ChannelMetrics _metrics;
    private readonly ConnectionLimits _limits;
    private readonly TimeProvider _clock;
    private readonly FlushPacer _pacer;
    private readonly ILogger _logger;

    public ChannelConnectionHandler(
        ChannelServer server,
        SessionRegistry registry,
        PacketDispatcher dispatcher,
        ISessionLifecycle lifecycle,
        ChannelMetrics metrics,
        ConnectionLimits limits,
        TimeProvider clock,
        ILogger logger,
        FlushPacer? pacer = null)
    {
        _server = server;
        _encoder = new PacketEncoder(server.Opcodes);
        _registry = registry;
        _dispatcher = dispatcher;
        _lifecycle = lifecycle;
        _metrics = metrics;
        _limits = limits;
        _clock = clock;
        _logger = logger;
        _pacer = pacer ?? FlushPacer.Immediate;
    }

    public ChannelServer Server => _server;

    public async Task HandleAsync(ConnectionContext connection, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var session = new Session(Guid.NewGuid(), _server, _encoder, _limits.OutboundQueueCapacity, _clock, _logger);
        session.Attach(new KestrelSessionTransport(connection));
        _registry.Add(session);
        _metrics.SessionOpened();
        LogAccepted(_logger, session.Id, session.RemoteEndPoint, _server.WorldId, _server.ChannelId, _server.Port);

        var receiveIv = MapleIv.Random();
        var sendIv = MapleIv.Random();
        var output = OutboundWire.For(connection);
        var input = connection.Transport.Input;
        var reason = "peer closed";
        Task writing = Task.CompletedTask;
        try
        {
            var hello = Hello.For(_server.Version, receiveIv, sendIv);
            var length = hello.WriteTo(output.GetSpan(hello.WireLength));
            output.Advance(length);
            if (!await output.FlushAsync(stopping))
                return;

            writing = WriteLoopAsync(session, output, MapleCipher.ServerSend(_server.Version, sendIv));
            using var decoder = new FrameDecoder(MapleCipher.ServerReceive(_server.Version, receiveIv), _limits.MaxPacketLength);
            var result = await FrameReader.ReadAllAsync(input, decoder, body =>
            {
                _metrics.PacketReceived(body.Length + PacketHeader.Length);
                return _dispatcher.DispatchAsync(session, body, stopping);
            }, CancellationToken.None); // reads end when the connection does; a token here can lose a client's last bytes
            reason = result.EndedCleanly ? (session.CloseReason ?? result.Reason) : result.Reason;
            if (!result.EndedCleanly)
                LogFramingError(_logger, session.Id, session.RemoteEndPoint, result.Reason);
        }
        catch (ConnectionResetException)
        {
            reason = session.CloseReason ?? "connection reset";
        }
        catch (ConnectionAbortedException)
        {
            reason = session.CloseReason ?? "connection aborted";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            reason = "service stopping";
        }
        catch (IOException ex)
        {
            reason = session.CloseReason ?? "I/O error: " + ex.Message;
        }
        finally
        {
            reason = session.CloseReason ?? reason;
            session.Close(reason);
            try
            {
                await writing;
            }
            catch (Exception ex) when (ex is IOException or ConnectionResetException or ConnectionAbortedException or InvalidOperationException)
            {
                // The socket is already gone; nothing left to flush.
            }

            session.DrainOutbound();
            if (_registry.Remove(session))
            {
                _metrics.SessionClosed();
                LogClosed(_logger, session.Id, reason);
                await _lifecycle.SessionEndedAsync(session, CancellationToken.None);
            }
        }
    }

    private async Task WriteLoopAsync(Session session, IOutboundWire output, MapleCipher cipher)
    {
        var reader = session.Outbound;
        var lastFlush = 0L;
        while (await reader.WaitToReadAsync())
        {
            if (_pacer.ShouldWait(lastFlush, Stopwatch.GetTimestamp()))
                await _pacer.NextTickAsync();
            var packets = 0;
            long bytes = 0;
            while (!session.IsClosed && reader.TryRead(out var packet))
            {
                var wireLength = packet.Length + PacketHeader.Length;
                var span = output.GetSpan(wireLength);
                packet.Body.CopyTo(span[PacketHeader.Length..]);
                packet.Release();
                cipher.EncryptInPlace(span);
                output.Advance(wireLength);
                packets++;
                bytes += wireLength;
            }

            if (session.IsClosed)
                return;
            _metrics.PacketsSent(packets, bytes);
            var open = await output.FlushAsync();
            lastFlush = Stopwatch.GetTimestamp();
            if (!open)
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} accepted from {RemoteEndPoint} on world {WorldId} channel {ChannelId} (port {Port})")]
    private static partial void LogAccepted(ILogger logger, Guid sessionId, string remoteEndPoint, byte worldId, byte channelId, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} from {RemoteEndPoint} sent a bad frame: {Reason}; closing it")]
    private static partial void LogFramingError(ILogger logger, Guid sessionId, string remoteEndPoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, Guid sessionId, string reason);
}

/// <summary>Per-connection limits; a hostile or stalled client hits one of these and loses only its own session.</summary>
public sealed record ConnectionLimits(int MaxPacketLength = FrameDecoder.DefaultMaxBodyLength, int OutboundQueueCapacity = 4096);

/// <summary>What happens around a session's life beyond the socket (login gate, logout commands, status events).</summary>
public interface ISessionLifecycle
{
    /// <summary>The session ended for any reason; runs exactly once per session, after it left the registry.</summary>
    ValueTask SessionEndedAsync(Session session, CancellationToken cancellationToken);
}
