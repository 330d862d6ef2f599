using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Fame;

/// <summary>
/// Fame results (spec/kafka/fame.md, character.md FAME_CHANGED): errors go to the requester on its world and channel;
/// a successful change sends RECEIVE to the target and GIVE (with the target's new total, read over REST) to the giver.
/// </summary>
public sealed partial class FameEvents(ISessionRegistry registry, CharacterPeer characters, ILogger<FameEvents> logger) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<FameStatusEvent<FameErrorBody>>(Topics.EventFameStatus, OnErrorAsync);
        subscriber.Subscribe<CharacterStatusEvent<CharacterFameChangedBody>>(Topics.EventCharacterStatus, OnFameChangedAsync);
    }

    private ValueTask OnErrorAsync(ConsumedMessage<FameStatusEvent<FameErrorBody>> message, CancellationToken cancellationToken)
    {
        var e = message.Message;
        if (e.Type != FameStatusTypes.Error)
            return ValueTask.CompletedTask;
        var session = Find(message.Tenant, e.CharacterId, e.WorldId);
        if (session is null || session.Server.ChannelId != e.Body.ChannelId)
            return ValueTask.CompletedTask;
        session.Send(FamePackets.Writer, FamePackets.ErrorKey(e.Body.Error), FamePackets.WriteError);
        return ValueTask.CompletedTask;
    }

    private async ValueTask OnFameChangedAsync(ConsumedMessage<CharacterStatusEvent<CharacterFameChangedBody>> message, CancellationToken cancellationToken)
    {
        var e = message.Message;
        if (e.Type != CharacterStatusTypes.FameChanged || e.Body.ActorType != "CHARACTER" || e.Body.Amount == 0)
            return;
        var receiver = Find(message.Tenant, e.CharacterId, e.WorldId);
        var giver = Find(message.Tenant, e.Body.ActorId, e.WorldId);
        if (receiver is null && giver is null)
            return;

        var up = e.Body.Amount > 0;
        try
        {
            if (receiver is not null && await characters.GetAsync(message.Tenant, (int)e.Body.ActorId, cancellationToken) is { } actor)
                receiver.Send(FamePackets.Writer, new FameResult(actor.Attributes.Name, up, 0), FamePackets.WriteReceive);
            if (giver is not null && await characters.GetAsync(message.Tenant, (int)e.CharacterId, cancellationToken) is { } target)
                giver.Send(FamePackets.Writer, new FameResult(target.Attributes.Name, up, target.Attributes.Fame), FamePackets.WriteGive);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, e.CharacterId, e.Body.ActorId, ex.Message);
        }
    }

    private Session? Find(Tenant tenant, uint characterId, byte worldId) =>
        characterId is 0 or > int.MaxValue
            ? null
            : registry.FindByCharacter(tenant.Id, (int)characterId) is { Phase: SessionPhase.InField } session && session.Tenant == tenant && session.Server.WorldId == worldId
                ? session
                : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fame change of {TargetId} by {ActorId}: character lookup failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, uint targetId, uint actorId, string reason);
}
