using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The chalkboards service: SET and CLEAR commands come back as the matching status events, keyed by map; who has one
/// open, in which field, is served by the CHALKBOARDS endpoint.
/// </summary>
internal sealed class ChalkboardService(SandboxOptions options, FieldCharacterState<OpenChalkboard> boards, PeerPublisher publisher, ILogger<ChalkboardService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandChalkboard, Guarded<ChalkboardCommand<ChalkboardSetBody>>(OnSetAsync)),
        subscriber.Subscribe(Topics.CommandChalkboard, Guarded<ChalkboardCommand<EmptyBody>>(OnClearAsync)),
    ];

    private ValueTask OnSetAsync(ConsumedMessage<ChalkboardCommand<ChalkboardSetBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != ChalkboardTypes.Set)
            return ValueTask.CompletedTask;
        boards.Set(FieldOf(command), command.CharacterId, new OpenChalkboard(command.CharacterId, command.Body.Message));
        return PublishAsync(consumed.Tenant, command, new ChalkboardSetBody { Message = command.Body.Message }, cancellationToken);
    }

    private ValueTask OnClearAsync(ConsumedMessage<ChalkboardCommand<EmptyBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != ChalkboardTypes.Clear)
            return ValueTask.CompletedTask;
        boards.Remove(command.CharacterId, out _);
        return PublishAsync(consumed.Tenant, command, new EmptyBody(), cancellationToken);
    }

    private static FieldKey FieldOf<TBody>(ChalkboardCommand<TBody> command)
        where TBody : new() => new(command.WorldId, command.ChannelId, command.MapId, command.Instance);

    private ValueTask PublishAsync<TCommand, TBody>(Tenant tenant, ChalkboardCommand<TCommand> command, TBody body, CancellationToken cancellationToken)
        where TCommand : new()
        where TBody : new()
    {
        var status = new ChalkboardStatusEvent<TBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = command.WorldId,
            ChannelId = command.ChannelId,
            MapId = command.MapId,
            Instance = command.Instance,
            CharacterId = command.CharacterId,
            Type = command.Type,
            Body = body,
        };
        return publisher.PublishAsync(Topics.EventChalkboardStatus, MessageKeys.Create(command.MapId), status, tenant, cancellationToken);
    }
}
