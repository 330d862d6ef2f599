using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Data;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The character service's answers to the channel's stat commands (COMMAND_TOPIC_CHARACTER): every request is echoed
/// as the STAT_CHANGED the real service emits (with the stats it touched; the channel re-reads the values over REST),
/// and a meso drop also as MESO_CHANGED with the negative amount.
/// </summary>
/// <remarks>
/// The sandbox's character documents are fixtures, so the re-read values do not move; what the client sees is the
/// answer itself (the request unlocks, the meso notice appears). Like the real service, <c>channelId</c> is 0 for
/// AP/SP distribution.
/// </remarks>
internal sealed partial class CharacterStatService(
    SandboxOptions options,
    CharacterCatalog characters,
    PeerPublisher publisher,
    ILogger<CharacterStatService> logger) : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandCharacter, Guarded<CharacterCommand<CharacterDistributeApBody>>(OnDistributeApAsync)),
        subscriber.Subscribe(Topics.CommandCharacter, Guarded<CharacterCommand<CharacterDistributeSpBody>>(OnDistributeSpAsync)),
        subscriber.Subscribe(Topics.CommandCharacter, Guarded<CharacterCommand<CharacterDropMesoBody>>(OnDropMesoAsync)),
        subscriber.Subscribe(Topics.CommandCharacter, Guarded<CharacterCommand<CharacterChangePoolBody>>(OnChangePoolAsync)),
    ];

    private async ValueTask OnDistributeApAsync(ConsumedMessage<CharacterCommand<CharacterDistributeApBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (!Known(command.WorldId, command.CharacterId))
            return;
        var updates = new List<string>();
        foreach (var distribution in command.Body.Distributions)
        {
            var stat = distribution.Ability switch
            {
                "STRENGTH" or "DEXTERITY" or "INTELLIGENCE" or "LUCK" => distribution.Ability,
                "HP" => "MAX_HP",
                "MP" => "MAX_MP",
                _ => null,
            };
            if (stat is null || distribution.Amount <= 0)
            {
                // The real service answers a failed request with an empty update list ("enable actions").
                updates.Clear();
                break;
            }

            if (!updates.Contains(stat))
                updates.Add(stat);
        }

        if (updates.Count > 0)
            updates.Add("AVAILABLE_AP");
        await StatChangedAsync(consumed.Tenant, command.WorldId, command.CharacterId, channelId: 0, exclRequestSent: true, updates, cancellationToken);
    }

    private ValueTask OnDistributeSpAsync(ConsumedMessage<CharacterCommand<CharacterDistributeSpBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (!Known(command.WorldId, command.CharacterId))
            return ValueTask.CompletedTask;
        LogSkillPoint(Logger, command.CharacterId, command.Body.SkillId);
        return StatChangedAsync(consumed.Tenant, command.WorldId, command.CharacterId, channelId: 0, exclRequestSent: true, ["AVAILABLE_SP"], cancellationToken);
    }

    private async ValueTask OnDropMesoAsync(ConsumedMessage<CharacterCommand<CharacterDropMesoBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (!Known(command.WorldId, command.CharacterId))
            return;
        if (command.Body.Amount is 0 or > int.MaxValue)
        {
            await StatChangedAsync(consumed.Tenant, command.WorldId, command.CharacterId, command.Body.ChannelId, exclRequestSent: true, [], cancellationToken);
            return;
        }

        var meso = new CharacterStatusEvent<CharacterMesoChangedBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = command.WorldId,
            CharacterId = command.CharacterId,
            Type = CharacterStatusTypes.MesoChanged,
            Body = new CharacterMesoChangedBody { ActorId = command.CharacterId, ActorType = "CHARACTER", Amount = -(int)command.Body.Amount },
        };
        await publisher.PublishAsync(Topics.EventCharacterStatus, MessageKeys.Create(command.CharacterId), meso, consumed.Tenant, cancellationToken);
        await StatChangedAsync(consumed.Tenant, command.WorldId, command.CharacterId, command.Body.ChannelId, exclRequestSent: true, ["MESO"], cancellationToken);
    }

    private ValueTask OnChangePoolAsync(ConsumedMessage<CharacterCommand<CharacterChangePoolBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (!Known(command.WorldId, command.CharacterId))
            return ValueTask.CompletedTask;
        string[] updates = command.Type switch
        {
            CharacterCommandTypes.ChangeHp => ["HP"],
            CharacterCommandTypes.ChangeMp => ["MP"],
            _ => [],
        };
        return updates.Length == 0 || command.Body.Amount == 0
            ? ValueTask.CompletedTask
            : StatChangedAsync(consumed.Tenant, command.WorldId, command.CharacterId, command.Body.ChannelId, exclRequestSent: false, updates, cancellationToken);
    }

    private bool Known(byte worldId, uint characterId)
    {
        if (worldId == Options.WorldId && characters.TryGet(characterId, out _))
            return true;
        LogUnknownCharacter(Logger, characterId, worldId);
        return false;
    }

    private ValueTask StatChangedAsync(Tenant tenant, byte worldId, uint characterId, byte channelId, bool exclRequestSent, IReadOnlyList<string> updates, CancellationToken cancellationToken)
    {
        var status = new CharacterStatusEvent<CharacterStatChangedBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = worldId,
            CharacterId = characterId,
            Type = CharacterStatusTypes.StatChanged,
            Body = new CharacterStatChangedBody { ChannelId = channelId, ExclRequestSent = exclRequestSent, Updates = updates },
        };
        return publisher.PublishAsync(Topics.EventCharacterStatus, MessageKeys.Create(characterId), status, tenant, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox character service: stat command for unknown character {CharacterId} in world {WorldId}; ignored")]
    private static partial void LogUnknownCharacter(ILogger logger, uint characterId, byte worldId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox character service: character {CharacterId} raises skill {SkillId}")]
    private static partial void LogSkillPoint(ILogger logger, uint characterId, uint skillId);
}
