using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Chairs;

/// <summary>EVENT_TOPIC_CHAIR_STATUS (spec/kafka/chair.md) → sit results to the sitter, chair shows to the others in the field.</summary>
/// <remarks>The reference broadcasts to the nil instance; we use the event's instance, which is the same for ordinary maps and right for instanced ones.</remarks>
public sealed partial class ChairEvents(ISessionRegistry registry, ILogger<ChairEvents> logger) : IEventHandlers
{
    public const string InternalError = "INTERNAL";

    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<ChairStatusEvent<ChairCharacterBody>>(Topics.EventChairStatus, OnStatusAsync);
        subscriber.Subscribe<ChairStatusEvent<ChairErrorBody>>(Topics.EventChairStatus, OnErrorAsync);
    }

    public ValueTask OnStatusAsync(ConsumedMessage<ChairStatusEvent<ChairCharacterBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var e = consumed.Message;
        var map = new MapKey(consumed.Tenant.Id, e.WorldId, e.ChannelId, e.MapId, e.Instance);
        var characterId = e.Body.CharacterId;
        var self = Self(consumed.Tenant, e.WorldId, e.ChannelId, characterId);
        switch (e.Type)
        {
            case ChairStatusTypes.Used when e.ChairType == ChairTypes.Portable:
                registry.SendToMap(map, ChairPackets.ShowChairWriter, (characterId, e.ChairId), ChairPackets.ShowChair, except: self);
                if (self is not null)
                    EnableActions.Send(self);
                break;
            case ChairStatusTypes.Used when e.ChairType == ChairTypes.Fixed:
                if (e.ChairId > ushort.MaxValue)
                {
                    LogBadSeat(logger, characterId, e.ChairId);
                    break;
                }

                self?.Send(ChairPackets.SitResultWriter, (ushort)e.ChairId, ChairPackets.Sit);
                break;
            case ChairStatusTypes.Cancelled:
                self?.Send(ChairPackets.SitResultWriter, (byte)0, ChairPackets.Stand);
                registry.SendToMap(map, ChairPackets.ShowChairWriter, (characterId, 0u), ChairPackets.ShowChair, except: self);
                break;
            default:
                LogIgnored(logger, e.Type, e.ChairType, characterId);
                break;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnErrorAsync(ConsumedMessage<ChairStatusEvent<ChairErrorBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var e = consumed.Message;
        if (e.Type != ChairStatusTypes.Error)
            return ValueTask.CompletedTask;
        var self = Self(consumed.Tenant, e.WorldId, e.ChannelId, e.Body.CharacterId);
        if (self is null)
            return ValueTask.CompletedTask;
        if (e.Body.Type == InternalError)
        {
            EnableActions.Send(self);
            return ValueTask.CompletedTask;
        }

        // ALREADY_SITING, DOES_NOT_EXIT, NOT_OWNED: the client asked for a chair it cannot have (spec: cheating attempt).
        LogCheat(logger, self.Id, e.Body.CharacterId, e.Body.Type);
        self.Close($"chair refused: {e.Body.Type}");
        return ValueTask.CompletedTask;
    }

    /// <summary>The sitter's session, only when it is on the event's channel.</summary>
    private Session? Self(Tenant tenant, byte worldId, byte channelId, uint characterId)
    {
        if (characterId is 0 or > int.MaxValue)
            return null;
        var session = registry.FindByCharacter(tenant.Id, (int)characterId);
        return session is not null && session.Server.WorldId == worldId && session.Server.ChannelId == channelId ? session : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chair event for character {CharacterId}: seat {ChairId} does not fit the packet; dropped")]
    private static partial void LogBadSeat(ILogger logger, uint characterId, uint chairId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chair event {Type} ({ChairType}) for character {CharacterId} ignored")]
    private static partial void LogIgnored(ILogger logger, string type, string chairType, uint characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: chairs service refused character {CharacterId} with {Error}; session destroyed")]
    private static partial void LogCheat(ILogger logger, Guid sessionId, uint characterId, string error);
}
