using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>The expressions service: each expression command is announced as an expression event for the field.</summary>
internal sealed class ExpressionService(SandboxOptions options, PeerPublisher publisher, ILogger<ExpressionService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandExpression, Guarded<ExpressionCommand>(OnExpressionAsync)),
    ];

    private ValueTask OnExpressionAsync(ConsumedMessage<ExpressionCommand> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        var expression = new ExpressionEvent
        {
            TransactionId = Guid.NewGuid(),
            CharacterId = command.CharacterId,
            WorldId = command.WorldId,
            ChannelId = command.ChannelId,
            MapId = command.MapId,
            Instance = command.Instance,
            Expression = command.Expression,
        };
        return publisher.PublishAsync(Topics.EventExpression, MessageKeys.Create(command.CharacterId), expression, consumed.Tenant, cancellationToken);
    }
}
