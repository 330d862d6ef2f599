using System.Collections.Concurrent;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Data;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The fame service (spec/kafka/fame.md): REQUEST_CHANGE ⇒ EVENT_TOPIC_CHARACTER_STATUS FAME_CHANGED for the target,
/// or EVENT_TOPIC_FAME_STATUS ERROR for the requester (unknown target, once a day, once a month per target).
/// </summary>
/// <remarks>The sandbox's character fixtures are read-only: the target's REST fame total does not change.</remarks>
internal sealed partial class FameService(SandboxOptions options, CharacterCatalog characters, PeerPublisher publisher, ILogger<FameService> logger)
    : PeerService(options, logger)
{
    private readonly ConcurrentDictionary<uint, DateTimeOffset> _lastGiven = new();
    private readonly ConcurrentDictionary<(uint From, uint To), DateTimeOffset> _lastPair = new();

    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandFame, Guarded<FameCommand<FameRequestChangeBody>>(OnRequestAsync)),
    ];

    private async ValueTask OnRequestAsync(ConsumedMessage<FameCommand<FameRequestChangeBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != FameCommandTypes.RequestChange)
            return;
        var requester = command.CharacterId;
        var target = command.Body.TargetId;
        var now = Options.TimeProvider.GetUtcNow();
        var error = !characters.TryGet(target, out _) || target == requester || command.Body.Amount is not (1 or -1)
            ? "UNEXPECTED"
            : _lastGiven.TryGetValue(requester, out var last) && now - last < TimeSpan.FromDays(1)
                ? "NOT_TODAY"
                : _lastPair.TryGetValue((requester, target), out var pair) && now - pair < TimeSpan.FromDays(30)
                    ? "NOT_THIS_MONTH"
                    : null;
        if (error is not null)
        {
            LogRefused(Logger, requester, target, error);
            await publisher.PublishAsync(Topics.EventFameStatus, MessageKeys.Create(requester), new FameStatusEvent<FameErrorBody>
            {
                TransactionId = Guid.NewGuid(),
                WorldId = command.WorldId,
                CharacterId = requester,
                Type = FameStatusTypes.Error,
                Body = new FameErrorBody { ChannelId = command.Body.ChannelId, Error = error },
            }, consumed.Tenant, cancellationToken);
            return;
        }

        _lastGiven[requester] = now;
        _lastPair[(requester, target)] = now;
        LogChanged(Logger, requester, target, command.Body.Amount);
        await publisher.PublishAsync(Topics.EventCharacterStatus, MessageKeys.Create(target), new CharacterStatusEvent<CharacterFameChangedBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = command.WorldId,
            CharacterId = target,
            Type = CharacterStatusTypes.FameChanged,
            Body = new CharacterFameChangedBody { ActorId = requester, ActorType = "CHARACTER", Amount = command.Body.Amount },
        }, consumed.Tenant, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox fame service: {Requester} → {Target} refused ({Error})")]
    private static partial void LogRefused(ILogger logger, uint requester, uint target, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox fame service: {Requester} gave {Target} {Amount} fame")]
    private static partial void LogChanged(ILogger logger, uint requester, uint target, sbyte amount);
}
