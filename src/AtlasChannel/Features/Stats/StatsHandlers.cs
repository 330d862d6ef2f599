using AtlasChannel.Contracts;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Stats;

/// <summary>COMMAND_TOPIC_CHARACTER commands (spec/kafka/character.md), keyed by the character id.</summary>
public sealed class StatsCommands(ICommandPublisher publisher)
{
    public Task<bool> DistributeApAsync(Session session, IReadOnlyList<AbilityDistribution> distributions, CancellationToken cancellationToken) =>
        PublishAsync(session, CharacterCommandTypes.RequestDistributeAp, new CharacterDistributeApBody { Distributions = distributions }, cancellationToken);

    public Task<bool> DistributeSpAsync(Session session, uint skillId, CancellationToken cancellationToken) =>
        PublishAsync(session, CharacterCommandTypes.RequestDistributeSp, new CharacterDistributeSpBody { SkillId = skillId, Amount = 1 }, cancellationToken);

    /// <summary>The instance is not sent (contract).</summary>
    public Task<bool> DropMesoAsync(Session session, uint amount, CancellationToken cancellationToken) =>
        PublishAsync(session, CharacterCommandTypes.RequestDropMeso, new CharacterDropMesoBody
        {
            ChannelId = session.Server.ChannelId,
            MapId = session.Map.MapId,
            Amount = amount,
        }, cancellationToken);

    /// <summary>CHANGE_HP / CHANGE_MP with a signed delta.</summary>
    public Task<bool> ChangePoolAsync(Session session, string type, short amount, CancellationToken cancellationToken) =>
        PublishAsync(session, type, new CharacterChangePoolBody { ChannelId = session.Server.ChannelId, Amount = amount }, cancellationToken);

    private Task<bool> PublishAsync<TBody>(Session session, string type, TBody body, CancellationToken cancellationToken)
        where TBody : new() =>
        publisher.PublishAsync(Topics.CommandCharacter, MessageKeys.Create(session.CharacterId), new CharacterCommand<TBody>
        {
            WorldId = session.Server.WorldId,
            CharacterId = (uint)session.CharacterId,
            Type = type,
            Body = body,
        }, session.Tenant, cancellationToken);
}

/// <summary><c>CharacterDistributeApHandle</c> (combat-skills.md §13.1): one point into one stat.</summary>
public sealed partial class DistributeApHandler(StatsCommands commands, ILogger<DistributeApHandler> logger) : IPacketHandler
{
    public string Name => "CharacterDistributeApHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var reader = context.Reader();
        var flag = StatsRequests.ReadDistributeAp(ref reader);
        var session = context.Session;
        if (session.Phase != SessionPhase.InField)
            return;
        if (StatsRequests.Ability(flag) is not { } ability)
        {
            LogBadFlag(logger, session.Id, flag);
            return;
        }

        await commands.DistributeApAsync(session, [new AbilityDistribution { Ability = ability, Amount = 1 }], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: AP distribution with unknown stat flag 0x{Flag:X}; dropped")]
    private static partial void LogBadFlag(ILogger logger, Guid sessionId, uint flag);
}

/// <summary><c>CharacterAutoDistributeApHandle</c> (combat-skills.md §13.2): several (stat, amount) pairs in one command.</summary>
public sealed partial class AutoDistributeApHandler(StatsCommands commands, ILogger<AutoDistributeApHandler> logger) : IPacketHandler
{
    public string Name => "CharacterAutoDistributeApHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var reader = context.Reader();
        var pairs = StatsRequests.ReadAutoDistributeAp(ref reader);
        var session = context.Session;
        if (session.Phase != SessionPhase.InField || pairs.Length == 0)
            return;
        var distributions = new AbilityDistribution[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            var (flag, amount) = pairs[i];
            if (StatsRequests.Ability(flag) is not { } ability)
            {
                LogBadFlag(logger, session.Id, flag);
                return;
            }

            // The contract's amount is an int8; the seed casts blindly, so 200 would become −56 (a refund request).
            if (amount is 0 or > (uint)sbyte.MaxValue)
            {
                LogBadAmount(logger, session.Id, amount);
                return;
            }

            distributions[i] = new AbilityDistribution { Ability = ability, Amount = (sbyte)amount };
        }

        await commands.DistributeApAsync(session, distributions, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: auto AP distribution with unknown stat flag 0x{Flag:X}; dropped")]
    private static partial void LogBadFlag(ILogger logger, Guid sessionId, uint flag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: auto AP distribution amount {Amount} out of range 1..127; dropped")]
    private static partial void LogBadAmount(ILogger logger, Guid sessionId, uint amount);
}

/// <summary><c>CharacterDistributeSpHandle</c> (combat-skills.md §13.3): one point into one skill.</summary>
public sealed class DistributeSpHandler(StatsCommands commands) : IPacketHandler
{
    public string Name => "CharacterDistributeSpHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var reader = context.Reader();
        var skillId = StatsRequests.ReadDistributeSp(ref reader);
        if (context.Session.Phase == SessionPhase.InField)
            await commands.DistributeSpAsync(context.Session, skillId, cancellationToken);
    }
}

/// <summary><c>CharacterDropMesoHandle</c> (inventory-storage.md §6).</summary>
public sealed partial class DropMesoHandler(StatsCommands commands, ILogger<DropMesoHandler> logger) : IPacketHandler
{
    /// <summary>The client only offers 10–50 000; anything else did not come from the client's own dialog.</summary>
    public const uint MinAmount = 10;

    public const uint MaxAmount = 50_000;

    public string Name => "CharacterDropMesoHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var reader = context.Reader();
        var amount = StatsRequests.ReadDropMeso(ref reader);
        var session = context.Session;
        if (session.Phase != SessionPhase.InField)
            return;
        if (amount is < MinAmount or > MaxAmount)
        {
            LogBadAmount(logger, session.Id, amount);
            session.Send(StatsWriters.StatChanged, StatChange.EnableActions, StatChangedPacket.Body);
            return;
        }

        await commands.DropMesoAsync(session, amount, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: meso drop of {Amount} outside 10..50000; refused")]
    private static partial void LogBadAmount(ILogger logger, Guid sessionId, uint amount);
}

/// <summary>
/// <c>CharacterHealOverTimeHandle</c> (combat-skills.md §5): natural regeneration → CHANGE_HP / CHANGE_MP. Only the
/// HP/MP change path of this feature; damage (<c>CharacterDamageHandle</c>) and skill costs belong to combat.
/// </summary>
public sealed partial class HealOverTimeHandler(StatsCommands commands, ILogger<HealOverTimeHandler> logger) : IPacketHandler
{
    public string Name => "CharacterHealOverTimeHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var reader = context.Reader();
        var (hp, mp) = StatsRequests.ReadHealOverTime(ref reader);
        var session = context.Session;
        if (session.Phase != SessionPhase.InField)
            return;

        // Regeneration only ever adds; the seed forwards any sign, which lets a client drain (or "heal" by −32768) at will.
        if (hp < 0 || mp < 0)
        {
            LogNegative(logger, session.Id, hp, mp);
            return;
        }

        if (hp != 0)
            await commands.ChangePoolAsync(session, CharacterCommandTypes.ChangeHp, hp, cancellationToken);
        if (mp != 0)
            await commands.ChangePoolAsync(session, CharacterCommandTypes.ChangeMp, mp, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: heal over time with negative values (hp {Hp}, mp {Mp}); dropped")]
    private static partial void LogNegative(ILogger logger, Guid sessionId, short hp, short mp);
}
