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
/// time, in order) while the <see cref="OutboundFlusher"/> sends the session's queue (encrypted in send order, one write
/// per batch). Whatever ends first ends the session.
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
    private readonly OutboundFlusher _flusher;
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
        OutboundFlusher flusher)
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
        _flusher = flusher;
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
        var sink = OutboundSink.For(connection);
        var input = connection.Transport.Input;
        var reason = "peer closed";
        try
        {
            var hello = Hello.For(_server.Version, receiveIv, sendIv);
            var helloBytes = new byte[hello.WireLength];
            var length = hello.WriteTo(helloBytes);
            if (!await sink.SendAllAsync(helloBytes.AsMemory(0, length)))
                return;

            _flusher.Attach(session, sink, MapleCipher.ServerSend(_server.Version, sendIv));
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
            session.DrainOutbound();
            if (_registry.Remove(session))
            {
                _metrics.SessionClosed();
                LogClosed(_logger, session.Id, reason);
                await _lifecycle.SessionEndedAsync(session, CancellationToken.None);
            }
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
