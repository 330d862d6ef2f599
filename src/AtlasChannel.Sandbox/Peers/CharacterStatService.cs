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
/// Changes are kept in <see cref="State.CharacterStats"/> and served by <c>GET characters/{id}</c>, so the values the
/// channel re-reads are the new ones: AP moves into the stat (not enough AP, or a bad ability, is refused with an
/// empty update list), a meso drop needs the meso, HP/MP changes are clamped to the maximum. SP is not tracked (the
/// skill documents are fixtures). Like the real service, <c>channelId</c> is 0 for AP/SP distribution.
/// </remarks>
internal sealed partial class CharacterStatService(
    SandboxOptions options,
    CharacterCatalog characters,
    PeerPublisher publisher,
    ILogger<CharacterStatService> logger) : PeerService(options, logger)
{
    private const int PoolPerAp = 20;

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
        var spent = new List<(string Attribute, int Points)>();
        foreach (var distribution in command.Body.Distributions)
        {
            var (stat, attribute) = distribution.Ability switch
            {
                "STRENGTH" => ("STRENGTH", "strength"),
                "DEXTERITY" => ("DEXTERITY", "dexterity"),
                "INTELLIGENCE" => ("INTELLIGENCE", "intelligence"),
                "LUCK" => ("LUCK", "luck"),
                "HP" => ("MAX_HP", "maxHp"),
                "MP" => ("MAX_MP", "maxMp"),
                _ => (null, null),
            };
            if (stat is null || attribute is null || distribution.Amount <= 0)
            {
                spent.Clear();
                break;
            }

            spent.Add((attribute, distribution.Amount));
            if (!updates.Contains(stat))
                updates.Add(stat);
        }

        // The real service answers a refused request (bad ability, not enough AP) with an empty update list ("enable actions").
        if (spent.Count == 0 || !characters.TryChangeStats(command.CharacterId, sheet => SpendAp(sheet, spent)))
            updates.Clear();
        else
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
        var amount = command.Body.Amount;
        if (amount is 0 or > int.MaxValue || !characters.TryChangeStats(command.CharacterId, sheet => Spend(sheet, "meso", amount)))
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
        var (update, attribute, maximum) = command.Type switch
        {
            CharacterCommandTypes.ChangeHp => ("HP", "hp", "maxHp"),
            CharacterCommandTypes.ChangeMp => ("MP", "mp", "maxMp"),
            _ => (null, null, null),
        };
        var delta = command.Body.Amount;
        if (update is null || attribute is null || maximum is null || delta == 0)
            return ValueTask.CompletedTask;
        characters.TryChangeStats(command.CharacterId, sheet =>
        {
            sheet[attribute] = Math.Clamp(sheet[attribute] + delta, 0, sheet[maximum]);
            return true;
        });
        return StatChangedAsync(consumed.Tenant, command.WorldId, command.CharacterId, command.Body.ChannelId, exclRequestSent: false, [update], cancellationToken);
    }

    /// <summary>Each AP point adds one to a base stat, or <see cref="PoolPerAp"/> to max HP/MP (the real service uses job tables).</summary>
    private static bool SpendAp(Sandbox.State.StatSheet sheet, List<(string Attribute, int Points)> spent)
    {
        var total = spent.Sum(s => s.Points);
        if (sheet["ap"] < total)
            return false;
        sheet["ap"] -= total;
        foreach (var (attribute, points) in spent)
            sheet[attribute] += attribute is "maxHp" or "maxMp" ? points * PoolPerAp : points;
        return true;
    }

    private static bool Spend(Sandbox.State.StatSheet sheet, string attribute, long amount)
    {
        if (sheet[attribute] < amount)
            return false;
        sheet[attribute] -= amount;
        return true;
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
