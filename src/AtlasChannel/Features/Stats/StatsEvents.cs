using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Stats;

/// <summary>
/// EVENT_TOPIC_CHARACTER_STATUS (spec/kafka/character.md) → StatChanged, status messages, fame results and level-up
/// effects. MAP_CHANGED belongs to the warp feature. Only sessions of the message's tenant and world (and, where the
/// spec filters on it, <c>body.channelId</c>) are ever targeted.
/// </summary>
public sealed partial class StatsEvents(ISessionRegistry sessions, CharacterPeer characters, PartyPeer parties, ILogger<StatsEvents> logger) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<CharacterStatusEvent<CharacterStatChangedBody>>(Topics.EventCharacterStatus, OnStatChangedAsync);
        subscriber.Subscribe<CharacterStatusEvent<CharacterExperienceChangedBody>>(Topics.EventCharacterStatus, OnExperienceChanged);
        subscriber.Subscribe<CharacterStatusEvent<CharacterMesoChangedBody>>(Topics.EventCharacterStatus, OnMesoChanged);
        subscriber.Subscribe<CharacterStatusEvent<CharacterLevelChangedBody>>(Topics.EventCharacterStatus, OnLevelChanged);
    }

    /// <summary>The values always come from a fresh character read; the event's <c>values</c> are ignored (spec).</summary>
    internal async ValueTask OnStatChangedAsync(ConsumedMessage<CharacterStatusEvent<CharacterStatChangedBody>> consumed, CancellationToken cancellationToken)
    {
        var status = consumed.Message;
        if (Find(consumed.Tenant, status.WorldId, status.CharacterId, channelId: null) is not { } session)
            return;
        var body = status.Body;
        if (body.Updates.Count == 0)
        {
            session.Send(StatsWriters.StatChanged, new StatChange(body.ExclRequestSent, []), StatChangedPacket.Body);
            return;
        }

        CharacterResource? character;
        try
        {
            character = await characters.GetAsync(session.Tenant, session.CharacterId, cancellationToken);
        }
        catch (PeerException ex)
        {
            LogCharacterReadFailed(logger, session.CharacterId, ex.Message);
            character = null;
        }

        if (character is null)
        {
            // Still unlock a client that is waiting for the answer to its request.
            if (body.ExclRequestSent)
                session.Send(StatsWriters.StatChanged, StatChange.EnableActions, StatChangedPacket.Body);
            return;
        }

        var snapshot = session.Character;
        var values = new StatValue[body.Updates.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = new StatValue(body.Updates[i], StatSource.ValueOf(body.Updates[i], character.Attributes, snapshot));
        if (snapshot is not null)
            session.Character = StatSource.Refresh(snapshot, character.Attributes);
        session.Send(StatsWriters.StatChanged, new StatChange(body.ExclRequestSent, values), StatChangedPacket.Body);
        if (body.Updates.Contains("HP") || body.Updates.Contains("MAX_HP"))
            await SendPartyHpAsync(session, character.Attributes, cancellationToken);
    }

    /// <summary>
    /// PartyMemberHP to the online party members standing in the character's field. Atlas selects them by
    /// <c>body.channelId</c> and the nil instance, which misses every AP-driven MAX_HP change (channelId 0) and
    /// instanced maps; the character's own session field (channel, map and instance) is what "same map" means.
    /// </summary>
    private async Task SendPartyHpAsync(Session session, CharacterAttributes character, CancellationToken cancellationToken)
    {
        List<Session> mates;
        try
        {
            mates = await PartyMatesInField.FindAsync(parties, sessions, session, session.Map, cancellationToken);
        }
        catch (PeerException ex)
        {
            LogPartyReadFailed(logger, session.CharacterId, ex.Message);
            return;
        }

        var hp = new PartyHp(session.CharacterId, character.Hp, character.MaxHp);
        foreach (var mate in mates)
            mate.Send(StatsWriters.PartyMemberHp, hp, PartyMemberHpPacket.Body);
    }

    internal ValueTask OnExperienceChanged(ConsumedMessage<CharacterStatusEvent<CharacterExperienceChangedBody>> consumed, CancellationToken cancellationToken)
    {
        var status = consumed.Message;
        if (Find(consumed.Tenant, status.WorldId, status.CharacterId, status.Body.ChannelId) is not { } session)
            return ValueTask.CompletedTask;
        if (session.Character is { } snapshot)
            session.Character = snapshot with { Stats = snapshot.Stats with { Experience = unchecked((int)status.Body.Current) } };
        session.Send(StatsWriters.StatusMessage, ExperienceGain.From(status.Body.Distributions), StatusMessagePacket.IncreaseExperience);
        return ValueTask.CompletedTask;
    }

    internal ValueTask OnMesoChanged(ConsumedMessage<CharacterStatusEvent<CharacterMesoChangedBody>> consumed, CancellationToken cancellationToken)
    {
        var status = consumed.Message;
        if (Find(consumed.Tenant, status.WorldId, status.CharacterId, channelId: null) is { } session)
            session.Send(StatsWriters.StatusMessage, status.Body.Amount, StatusMessagePacket.IncreaseMeso);
        return ValueTask.CompletedTask;
    }

    internal ValueTask OnLevelChanged(ConsumedMessage<CharacterStatusEvent<CharacterLevelChangedBody>> consumed, CancellationToken cancellationToken)
    {
        var status = consumed.Message;
        if (Find(consumed.Tenant, status.WorldId, status.CharacterId, status.Body.ChannelId) is not { } session)
            return ValueTask.CompletedTask;
        if (session.Character is { } snapshot)
            session.Character = snapshot with { Stats = snapshot.Stats with { Level = status.Body.Current } };
        session.Send(StatsWriters.Effect, session.CharacterId, LevelUpEffectPacket.Local);
        sessions.SendToMap(session.Map, StatsWriters.EffectForeign, session.CharacterId, LevelUpEffectPacket.Foreign, except: session);
        return ValueTask.CompletedTask;
    }

    private Session? Find(Tenant tenant, byte worldId, uint characterId, byte? channelId)
    {
        if (characterId is 0 or > int.MaxValue)
            return null;
        var session = sessions.FindByCharacter(tenant.Id, (int)characterId);
        if (session is null || session.Tenant != tenant || session.Server.WorldId != worldId)
            return null;
        if (channelId is { } channel && session.Server.ChannelId != channel)
            return null;
        return session;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Character {CharacterId} could not be read for a status event: {Reason}")]
    private static partial void LogCharacterReadFailed(ILogger logger, int characterId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Party of character {CharacterId} could not be read; no party HP sent: {Reason}")]
    private static partial void LogPartyReadFailed(ILogger logger, int characterId, string reason);

}
