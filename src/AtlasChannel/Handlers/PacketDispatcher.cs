using System.Collections.Concurrent;
using System.Diagnostics;
using AtlasChannel.Features.Accounts;
using AtlasChannel.Observability;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Handlers;

/// <summary>
/// Routes one decrypted client packet: opcode → tenant handler table → validator → handler. Runs inside the
/// session's read loop, so a session's packets are handled one at a time, in order. Nothing a client sends can
/// escape as an exception: at worst its own session is closed.
/// </summary>
public sealed partial class PacketDispatcher
{
    private static readonly ActivitySource Tracing = new(Telemetry.PacketTracing);
    private readonly AccountLoginRegistry _accounts;
    private readonly ChannelMetrics _metrics;
    private readonly ILogger<PacketDispatcher> _logger;
    private readonly ConcurrentDictionary<Guid, HandlerTable> _tables = new();

    public PacketDispatcher(AccountLoginRegistry accounts, ChannelMetrics metrics, ILogger<PacketDispatcher> logger)
    {
        _accounts = accounts;
        _metrics = metrics;
        _logger = logger;
    }

    public void Register(Guid tenantId, HandlerTable table) => _tables[tenantId] = table;

    public async ValueTask DispatchAsync(Session session, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsClosed)
            return;
        var width = session.Server.Version.OpcodeWidth;
        var opcode = new PacketReader(body.Span).ReadOpcode(width);
        if (!_tables.TryGetValue(session.Tenant.Id, out var table) || !table.TryGet(opcode, out var route))
        {
            _metrics.UnhandledPacket(opcode);
            LogUnhandled(_logger, opcode, body.Length, session.Id);
            return;
        }

        if (route.Validator == PacketValidator.LoggedIn && !_accounts.IsLoggedIn(session.Tenant.Id, session.AccountId))
        {
            LogNotLoggedIn(_logger, route.Binding.Handler, session.Id, session.AccountId);
            session.Close($"{route.Binding.Handler} before the account was logged in");
            return;
        }

        using var activity = Tracing.StartActivity(route.Binding.Handler, ActivityKind.Server);
        activity?.SetTag("atlas.session", session.Id);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await route.Handler.HandleAsync(new PacketContext(session, body[width..], route.Binding), cancellationToken);
            session.TouchLastPacket();
        }
        catch (PacketReadException ex)
        {
            // Atlas would read zeros and carry on; we drop the packet (nothing half-parsed reaches a peer) but keep
            // the session: a layout we inferred wrong must not disconnect players.
            _metrics.HandlerFailed(route.Binding.Handler);
            LogMalformed(_logger, route.Binding.Handler, session.Id, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || session.IsClosed)
        {
            // The session or the service is going away.
        }
        catch (Exception ex)
        {
            _metrics.HandlerFailed(route.Binding.Handler);
            LogHandlerFailed(_logger, ex, route.Binding.Handler, session.Id);
            session.Close($"{route.Binding.Handler} failed: {ex.GetType().Name}");
        }
        finally
        {
            _metrics.HandlerCompleted(route.Binding.Handler, started);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unhandled client packet 0x{Opcode:X2} ({Length} bytes) from session {SessionId}")]
    private static partial void LogUnhandled(ILogger logger, ushort opcode, int length, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Handler} from session {SessionId} whose account {AccountId} is not logged in; destroying the session")]
    private static partial void LogNotLoggedIn(ILogger logger, string handler, Guid sessionId, int accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed {Handler} packet from session {SessionId} dropped: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string handler, Guid sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed for session {SessionId}; closing only that session")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, Guid sessionId);
}
