using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Field;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// EVENT_TOPIC_MAP_STATUS (map.md) → CharacterSpawn / CharacterDespawn among the sessions of the field, and
/// EVENT_TOPIC_CHARACTER_STATUS MAP_CHANGED (character.md) → move the session and send SetField (warp form).
/// Every session of this channel is local, so "who is in the field" is the registry, not the MAPS endpoint. The rest of
/// the field (pets, party HP, NPCs, monsters, drops, reactors, chairs, chalkboards, clock, transport) comes from <see cref="FieldEntry"/>.
/// </summary>
public sealed partial class MapEvents(SessionRegistry registry, CharacterPeer characters, TimeProvider clock, ILogger<MapEvents> logger, FieldEntry? entry = null, PortalDataPeer? portals = null) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<MapStatusEvent<MapCharacterBody>>(Topics.EventMapStatus, async (message, cancellationToken) =>
        {
            OnMapStatus(message.Tenant, message.Message);
            // After the character spawns: everything already in the field, each kind on its own (FieldEntry).
            if (entry is not null && message.Message.Type == MapStatusTypes.CharacterEnter)
                await entry.SendForEnterAsync(message.Tenant, message.Message, cancellationToken);
        });
        subscriber.Subscribe<CharacterStatusEvent<CharacterMapChangedBody>>(Topics.EventCharacterStatus,
            (message, cancellationToken) => OnMapChangedAsync(message.Tenant, message.Message, cancellationToken));
    }

    public void OnMapStatus(Tenant tenant, MapStatusEvent<MapCharacterBody> status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var field = new MapKey(tenant.Id, status.WorldId, status.ChannelId, status.MapId, status.Instance);
        var characterId = unchecked((int)status.Body.CharacterId);
        switch (status.Type)
        {
            case MapStatusTypes.CharacterEnter:
                OnEnter(field, characterId);
                break;
            case MapStatusTypes.CharacterExit:
                OnExit(field, characterId);
                break;
            default:
                LogUnknownType(logger, status.Type);
                break;
        }
    }

    private void OnEnter(MapKey field, int characterId)
    {
        // Only a character with a session on this channel server: other channels' servers in this process ignore it.
        var entering = registry.FindOnChannel(field.TenantId, characterId, field.WorldId, field.ChannelId);
        if (entering is null)
        {
            LogEnterNotHere(logger, characterId, field.MapId);
            return;
        }

        if (entering.Character is not { } character)
        {
            LogNoSnapshot(logger, entering.Id, characterId);
            return;
        }

        var view = new SpawnView(character, entering.Position, entering.Stance, entering.Foothold, EnteringField: true);
        registry.SendToMap(field, MapPackets.CharacterSpawnWriter, view, static (writer, in context, state) =>
            MapPackets.WriteCharacterSpawn(writer, context.Version, state), except: entering);

        foreach (var other in registry.InMap(field))
        {
            if (ReferenceEquals(other, entering) || other.CharacterId == characterId || other.Character is not { } otherCharacter)
                continue;
            var otherView = new SpawnView(otherCharacter, other.Position, other.Stance, other.Foothold, EnteringField: false);
            entering.Send(MapPackets.CharacterSpawnWriter, otherView, static (writer, in context, state) =>
                MapPackets.WriteCharacterSpawn(writer, context.Version, state));
        }
    }

    private void OnExit(MapKey field, int characterId)
    {
        // The leaving character never sees its own despawn, even if its session is still listed in the field.
        var leaving = registry.FindByCharacter(field.TenantId, characterId);
        registry.SendToMap(field, MapPackets.CharacterDespawnWriter, characterId, static (writer, in _, id) =>
            MapPackets.WriteCharacterDespawn(writer, id), except: leaving);
    }

    public async ValueTask OnMapChangedAsync(Tenant tenant, CharacterStatusEvent<CharacterMapChangedBody> status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var body = status.Body;
        var session = registry.FindOnChannel(tenant.Id, unchecked((int)status.CharacterId), status.WorldId, body.ChannelId);
        if (session is null)
            return;

        var hpLookup = CurrentHpAsync(session, cancellationToken);
        var arrival = await ArrivalPositionAsync(session, body.TargetMapId, body.TargetPortalId, cancellationToken);
        var hp = await hpLookup;
        // Others in the new map spawn the character where it arrives, not where it stood in the old map.
        if (arrival is { } position)
            session.UpdatePosition(position, session.Stance, foothold: 0);
        registry.ChangeMap(session, body.TargetMapId, body.TargetInstance);
        var target = new WarpTarget(unchecked((int)body.TargetMapId), unchecked((byte)body.TargetPortalId), hp);
        var state = (Target: target, Channel: (int)session.Server.ChannelId, Time: clock.GetUtcNow(), session.Server.Version);
        session.SendWhole(SetFieldPacket.WriterName, state, static (writer, opcodes, s) =>
            SetFieldPacket.WriteWarp(writer, opcodes, s.Version, s.Channel, s.Target, s.Time));
    }

    private async Task<Protocol.Packets.Position?> ArrivalPositionAsync(Session session, uint mapId, uint portalId, CancellationToken cancellationToken)
    {
        if (portals is null)
            return null;
        try
        {
            var position = await portals.FindPositionAsync(session.Tenant, mapId, portalId, cancellationToken);
            if (position is null)
                LogArrivalUnknown(logger, session.Id, mapId, portalId);
            return position;
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogArrivalLookupFailed(logger, session.Id, mapId, ex.Message);
            return null;
        }
    }

    // character.md: the warp carries the HP from CHARACTERS (after a respawn it is not the snapshot's 0).
    private async Task<int> CurrentHpAsync(Session session, CancellationToken cancellationToken)
    {
        try
        {
            var character = await characters.GetAsync(session.Tenant, session.CharacterId, cancellationToken);
            if (character is not null)
                return character.Attributes.Hp;
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogHpLookupFailed(logger, session.Id, ex.Message);
        }

        return session.Character?.Stats.Hp ?? 0;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "EVENT_TOPIC_MAP_STATUS type {Type} ignored")]
    private static partial void LogUnknownType(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CHARACTER_ENTER of character {CharacterId} in map {MapId}: no session on this channel")]
    private static partial void LogEnterNotHere(ILogger logger, int characterId, uint mapId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: character {CharacterId} entered a field without a loaded character; no spawn sent")]
    private static partial void LogNoSnapshot(ILogger logger, Guid sessionId, int characterId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: portal {PortalId} of map {MapId} has no position in DATA; keeping the last known one")]
    private static partial void LogArrivalUnknown(ILogger logger, Guid sessionId, uint mapId, uint portalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: arrival position in map {MapId} unknown ({Reason}); keeping the last known one")]
    private static partial void LogArrivalLookupFailed(ILogger logger, Guid sessionId, uint mapId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: HP lookup for the warp failed ({Reason}); using the loaded HP")]
    private static partial void LogHpLookupFailed(ILogger logger, Guid sessionId, string reason);
}
