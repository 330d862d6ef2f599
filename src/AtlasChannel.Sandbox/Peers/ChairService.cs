using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The chairs service: remembers who sits on what, in which field (served by the CHAIRS endpoint); CANCEL answers CANCELLED with the chair the character was on.
/// Unlike the real service, a USE while seated (for instance after a reconnect the sandbox never heard about) moves
/// the character to the new chair instead of answering ERROR ALREADY_SITING, which would destroy the session.
/// </summary>
internal sealed class ChairService(SandboxOptions options, FieldCharacterState<Seat> seats, PeerPublisher publisher, ILogger<ChairService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandChair, Guarded<ChairCommand<ChairUseBody>>(OnUseAsync)),
        subscriber.Subscribe(Topics.CommandChair, Guarded<ChairCommand<ChairCharacterBody>>(OnCancelAsync)),
    ];

    private ValueTask OnUseAsync(ConsumedMessage<ChairCommand<ChairUseBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != ChairCommandTypes.Use)
            return ValueTask.CompletedTask;
        var body = command.Body;
        seats.Set(new FieldKey(command.WorldId, command.ChannelId, command.MapId, command.Instance), body.CharacterId, new Seat(body.CharacterId, body.ChairType, body.ChairId));
        return PublishAsync(consumed.Tenant, command, body.ChairType, body.ChairId, ChairStatusTypes.Used, new ChairCharacterBody { CharacterId = body.CharacterId }, cancellationToken);
    }

    private ValueTask OnCancelAsync(ConsumedMessage<ChairCommand<ChairCharacterBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != ChairCommandTypes.Cancel)
            return ValueTask.CompletedTask;
        var chair = seats.Remove(command.Body.CharacterId, out var seat) ? (seat.ChairType, seat.ChairId) : (ChairTypes.Fixed, 0u);
        return PublishAsync(consumed.Tenant, command, chair.Item1, chair.Item2, ChairStatusTypes.Cancelled, new ChairCharacterBody { CharacterId = command.Body.CharacterId }, cancellationToken);
    }

    private ValueTask PublishAsync<TCommand>(Tenant tenant, ChairCommand<TCommand> command, string chairType, uint chairId, string type, ChairCharacterBody body, CancellationToken cancellationToken)
        where TCommand : new()
    {
        var status = new ChairStatusEvent<ChairCharacterBody>
        {
            WorldId = command.WorldId,
            ChannelId = command.ChannelId,
            MapId = command.MapId,
            Instance = command.Instance,
            ChairType = chairType,
            ChairId = chairId,
            Type = type,
            Body = body,
        };
        return publisher.PublishAsync(Topics.EventChairStatus, MessageKeys.Create(body.CharacterId), status, tenant, cancellationToken);
    }
}
