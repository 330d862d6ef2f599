using System.Collections.Concurrent;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Accounts;
using AtlasChannel.Features.Channels;
using AtlasChannel.Features.Field;
using AtlasChannel.Hosting;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Login;

/// <summary>
/// The security gate (session-lifecycle.md §5.2 steps 5–6): waits for the account service's verdict on a session's
/// PROGRESS_STATE. Only a <c>STATE_CHANGED</c> with state 1 for <em>this</em> session id and the character it asked
/// for places the client in the field; an <c>ERROR</c>, or no answer within the timeout, disconnects it with nothing
/// about the character sent. State 2 answers (channel change, cash-shop exit) send the migrate command.
/// Unlike Atlas, this switches on <c>body.state</c> rather than on the shape of <c>params</c>.
/// </summary>
public sealed partial class LoginGate : IEventHandlers
{
    private readonly SessionRegistry _registry;
    private readonly CharacterPeer _characters;
    private readonly AccountLoginRegistry _accounts;
    private readonly LoginCommands _commands;
    private readonly LoginFollowUps? _followUps;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly ILogger<LoginGate> _logger;
    private readonly ConcurrentDictionary<Guid, ITimer> _deadlines = new();

    public LoginGate(
        SessionRegistry registry,
        CharacterPeer characters,
        AccountLoginRegistry accounts,
        LoginCommands commands,
        ChannelHostOptions options,
        TimeProvider clock,
        ILogger<LoginGate> logger,
        LoginFollowUps? followUps = null)
    {
        _followUps = followUps;
        _registry = registry;
        _characters = characters;
        _accounts = accounts;
        _commands = commands;
        _clock = clock;
        _timeout = options.LoginApprovalTimeout;
        _logger = logger;
    }

    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<AccountSessionStatusEvent<AccountSessionStateChangedBody>>(Topics.EventAccountSessionStatus, OnStateChangedAsync);
        subscriber.Subscribe<AccountSessionStatusEvent<AccountSessionErrorBody>>(Topics.EventAccountSessionStatus, OnErrorAsync);
    }

    /// <summary>Starts the approval deadline for a session that just sent PROGRESS_STATE.</summary>
    public void Await(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var timer = _clock.CreateTimer(static state =>
        {
            var (gate, waiting) = ((LoginGate, Session))state!;
            gate.Expire(waiting);
        }, (this, session), _timeout, Timeout.InfiniteTimeSpan);
        if (!_deadlines.TryAdd(session.Id, timer))
            timer.Dispose();
        session.Closed.Register(static state =>
        {
            var (gate, id) = ((LoginGate, Guid))state!;
            gate.ClearDeadline(id);
        }, (this, session.Id));
    }

    private void Expire(Session session)
    {
        ClearDeadline(session.Id);
        if (session.Phase != SessionPhase.AwaitingLoginApproval)
            return;
        LogTimedOut(_logger, session.Id, session.PendingCharacterId, _timeout.TotalSeconds);
        session.Close("no login verdict from the account service in time");
    }

    private void ClearDeadline(Guid sessionId)
    {
        if (_deadlines.TryRemove(sessionId, out var timer))
            timer.Dispose();
    }

    private async ValueTask OnStateChangedAsync(ConsumedMessage<AccountSessionStatusEvent<AccountSessionStateChangedBody>> message, CancellationToken cancellationToken)
    {
        if (!TryFindSession(message.Tenant, message.Message.SessionId, out var session))
            return;
        var body = message.Message.Body;
        switch (body.State)
        {
            case 1 when AccountSessionParams.TryReadLogin(body.Params, out var characterId):
                await ApproveAsync(session, (int)message.Message.AccountId, (int)characterId, cancellationToken);
                break;
            case 2 when AccountSessionParams.TryReadChannelChange(body.Params, out var ip, out var port):
                if (session.Phase == SessionPhase.Migrating)
                    ChannelChangePacket.Send(session, ip, port, _logger);
                break;
            default:
                LogIgnoredState(_logger, session.Id, body.State);
                break;
        }
    }

    private ValueTask OnErrorAsync(ConsumedMessage<AccountSessionStatusEvent<AccountSessionErrorBody>> message, CancellationToken cancellationToken)
    {
        if (TryFindSession(message.Tenant, message.Message.SessionId, out var session))
        {
            LogRefused(_logger, session.Id, message.Message.AccountId, message.Message.Body.Code);
            session.Close($"account service refused the session: {message.Message.Body.Code}");
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask ApproveAsync(Session session, int accountId, int characterId, CancellationToken cancellationToken)
    {
        if (session.Phase != SessionPhase.AwaitingLoginApproval || characterId != session.PendingCharacterId || accountId != session.PendingAccountId)
        {
            LogUnexpectedApproval(_logger, session.Id, characterId, session.PendingCharacterId, session.Phase);
            return;
        }

        LoadedCharacter? loaded;
        try
        {
            loaded = await _characters.LoadAsync(session.Tenant, characterId, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or Contracts.Rest.JsonApiFormatException or InvalidDataException)
        {
            LogLoadFailed(_logger, session.Id, characterId, ex.Message);
            session.Close("could not load the character");
            return;
        }

        if (loaded is null)
        {
            session.Close("character vanished during login");
            return;
        }

        var attributes = loaded.Character.Attributes;
        if (!_registry.EnterField(session, accountId, characterId, attributes.Name, attributes.Gm > 0, attributes.MapId))
            return;
        ClearDeadline(session.Id);
        session.Character = loaded.Snapshot;
        session.UpdatePosition(new Protocol.Packets.Position(attributes.X, attributes.Y), attributes.Stance, 0);
        // The approval implies LOGGED_IN; do not depend on that event (another topic) arriving first.
        _accounts.Set(session.Tenant.Id, accountId, loggedIn: true);
        LogEntered(_logger, session.Id, characterId, attributes.Name, attributes.MapId);

        if (!await _commands.SessionStatusAsync(session, SessionStatusTypes.Created, cancellationToken))
            LogStatusNotSent(_logger, session.Id, SessionStatusTypes.Created);

        var now = _clock.GetUtcNow();
        var seeds = DamageSeeds.Random();
        session.SendWhole(SetFieldPacket.WriterName, (session, seeds, loaded.Snapshot, now), static (writer, opcodes, state) =>
            SetFieldPacket.WriteCharacterData(writer, opcodes, opcodes.Version, state.session.Server.ChannelId, state.seeds, state.Snapshot, state.now));
        var keyMap = loaded.KeyMap;
        session.SendWhole(CharacterKeyMapPacket.KeyMapWriter, keyMap, static (writer, opcodes, map) => CharacterKeyMapPacket.WriteKeyMap(writer, opcodes, opcodes.Version, map));
        session.SendWhole(CharacterKeyMapPacket.AutoHpWriter, keyMap, static (writer, opcodes, map) => CharacterKeyMapPacket.WriteAutoHp(writer, opcodes, opcodes.Version, map));
        session.SendWhole(CharacterKeyMapPacket.AutoMpWriter, keyMap, static (writer, opcodes, map) => CharacterKeyMapPacket.WriteAutoMp(writer, opcodes, opcodes.Version, map));
        if (_followUps is not null)
            await _followUps.SendAsync(session, cancellationToken);
    }

    private bool TryFindSession(Tenant tenant, Guid sessionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Session? session) =>
        _registry.TryGet(sessionId, out session) && session.Tenant == tenant;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: no login verdict for character {CharacterId} within {Seconds} s; disconnecting")]
    private static partial void LogTimedOut(ILogger logger, Guid sessionId, int characterId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: account service refused account {AccountId} ({Code}); disconnecting")]
    private static partial void LogRefused(ILogger logger, Guid sessionId, uint accountId, string code);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: STATE_CHANGED with state {State} ignored")]
    private static partial void LogIgnoredState(ILogger logger, Guid sessionId, byte state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: approval for character {CharacterId} does not match the pending login (character {PendingCharacterId}, phase {Phase}); ignored")]
    private static partial void LogUnexpectedApproval(ILogger logger, Guid sessionId, int characterId, int pendingCharacterId, SessionPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: loading character {CharacterId} failed: {Reason}; disconnecting")]
    private static partial void LogLoadFailed(ILogger logger, Guid sessionId, int characterId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: character {CharacterId} ({Name}) entered map {MapId}")]
    private static partial void LogEntered(ILogger logger, Guid sessionId, int characterId, string name, uint mapId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {Type} session status could not be published")]
    private static partial void LogStatusNotSent(ILogger logger, Guid sessionId, string type);
}
