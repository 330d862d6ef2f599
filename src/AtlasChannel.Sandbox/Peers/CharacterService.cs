using System.Collections.Concurrent;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Data;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The character service's reaction to channel sessions: CREATED ⇒ LOGIN (and the maps service enters the character
/// into its map), DESTROYED ⇒ LOGOUT (and the character leaves). Keyed by session id, so a late DESTROYED of an old
/// channel's session only removes the character from the old channel's field.
/// </summary>
/// <remarks>The real service turns a CREATED after a channel change into CHANNEL_CHANGED; the sandbox always sends LOGOUT then LOGIN.</remarks>
internal sealed partial class CharacterService(
    SandboxOptions options,
    CharacterCatalog characters,
    MapService maps,
    PeerPublisher publisher,
    ILogger<CharacterService> logger) : PeerService(options, logger)
{
    private readonly ConcurrentDictionary<Guid, (uint CharacterId, FieldKey Field)> _sessions = new();

    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.EventSessionStatus, Guarded<SessionStatusEvent>(OnSessionStatusAsync)),
    ];

    private ValueTask OnSessionStatusAsync(ConsumedMessage<SessionStatusEvent> consumed, CancellationToken cancellationToken)
    {
        var status = consumed.Message;
        if (status.Issuer != SessionStatusTypes.ChannelIssuer || status.SessionId == Guid.Empty)
        {
            LogIgnored(Logger, status.Type, status.Issuer, status.SessionId);
            return ValueTask.CompletedTask;
        }

        return status.Type switch
        {
            SessionStatusTypes.Created => OnCreatedAsync(consumed.Tenant, status, cancellationToken),
            SessionStatusTypes.Destroyed => OnDestroyedAsync(consumed.Tenant, status, cancellationToken),
            _ => ValueTask.CompletedTask,
        };
    }

    private async ValueTask OnCreatedAsync(Tenant tenant, SessionStatusEvent status, CancellationToken cancellationToken)
    {
        if (!characters.TryGet(status.CharacterId, out var character) || character.AccountId != status.AccountId)
        {
            LogUnknownCharacter(Logger, status.CharacterId, status.AccountId, status.SessionId);
            return;
        }

        if (status.WorldId != Options.WorldId || status.ChannelId >= Options.ChannelCount)
        {
            LogUnknownChannel(Logger, status.WorldId, status.ChannelId, status.SessionId);
            return;
        }

        var field = new FieldKey(status.WorldId, status.ChannelId, character.MapId, Guid.Empty);
        if (!_sessions.TryAdd(status.SessionId, (character.Id, field)))
        {
            LogDuplicateSession(Logger, status.SessionId);
            return;
        }

        LogLogin(Logger, character.Id, status.SessionId, field);
        await PublishAsync(tenant, character.Id, field, CharacterSessionStatusTypes.Login, cancellationToken);
        await maps.CharacterEnterAsync(tenant, field, character.Id, cancellationToken);
    }

    private async ValueTask OnDestroyedAsync(Tenant tenant, SessionStatusEvent status, CancellationToken cancellationToken)
    {
        // A session destroyed before its character logged in (accountId/characterId 0) never produced a LOGIN.
        if (!_sessions.TryRemove(status.SessionId, out var session))
            return;

        LogLogout(Logger, session.CharacterId, status.SessionId, session.Field);
        await PublishAsync(tenant, session.CharacterId, session.Field, CharacterSessionStatusTypes.Logout, cancellationToken);
        await maps.CharacterExitAsync(tenant, session.Field, session.CharacterId, cancellationToken);
    }

    private ValueTask PublishAsync(Tenant tenant, uint characterId, FieldKey field, string type, CancellationToken cancellationToken)
    {
        var status = new CharacterStatusEvent<CharacterSessionBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = field.WorldId,
            CharacterId = characterId,
            Type = type,
            Body = new CharacterSessionBody { ChannelId = field.ChannelId, MapId = field.MapId, Instance = field.Instance },
        };
        return publisher.PublishAsync(Topics.EventCharacterStatus, MessageKeys.Create(characterId), status, tenant, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox character service ignores session status {Type} from {Issuer} (session {SessionId})")]
    private static partial void LogIgnored(ILogger logger, string type, string issuer, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox character service: no character {CharacterId} of account {AccountId} (session {SessionId})")]
    private static partial void LogUnknownCharacter(ILogger logger, uint characterId, uint accountId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox character service: world {WorldId} channel {ChannelId} is not configured (session {SessionId})")]
    private static partial void LogUnknownChannel(ILogger logger, byte worldId, byte channelId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox character service: session {SessionId} was already created")]
    private static partial void LogDuplicateSession(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox character service: character {CharacterId} logged in on session {SessionId} in {Field}")]
    private static partial void LogLogin(ILogger logger, uint characterId, Guid sessionId, FieldKey field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox character service: character {CharacterId} logged out (session {SessionId}) from {Field}")]
    private static partial void LogLogout(ILogger logger, uint characterId, Guid sessionId, FieldKey field);
}
