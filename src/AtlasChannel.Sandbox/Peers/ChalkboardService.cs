using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>The chalkboards service: SET and CLEAR commands come back as the matching status events, keyed by map.</summary>
internal sealed class ChalkboardService(SandboxOptions options, PeerPublisher publisher, ILogger<ChalkboardService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandChalkboard, Guarded<ChalkboardCommand<ChalkboardSetBody>>(OnSetAsync)),
        subscriber.Subscribe(Topics.CommandChalkboard, Guarded<ChalkboardCommand<EmptyBody>>(OnClearAsync)),
    ];

    private ValueTask OnSetAsync(ConsumedMessage<ChalkboardCommand<ChalkboardSetBody>> consumed, CancellationToken cancellationToken) =>
        consumed.Message.Type == ChalkboardTypes.Set
            ? PublishAsync(consumed.Tenant, consumed.Message, new ChalkboardSetBody { Message = consumed.Message.Body.Message }, cancellationToken)
            : ValueTask.CompletedTask;

    private ValueTask OnClearAsync(ConsumedMessage<ChalkboardCommand<EmptyBody>> consumed, CancellationToken cancellationToken) =>
        consumed.Message.Type == ChalkboardTypes.Clear
            ? PublishAsync(consumed.Tenant, consumed.Message, new EmptyBody(), cancellationToken)
            : ValueTask.CompletedTask;

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
