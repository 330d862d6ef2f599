using AtlasChannel.Contracts;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Chairs;

/// <summary>COMMAND_TOPIC_CHAIR (spec/kafka/chair.md): the sender's field, key = character id.</summary>
public sealed class ChairCommands(ICommandPublisher publisher)
{
    public Task<bool> UseAsync(Session session, string chairType, uint chairId, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.CommandChair, MessageKeys.Create(session.CharacterId), Use(session, chairType, chairId), session.Tenant, cancellationToken);

    public Task<bool> CancelAsync(Session session, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.CommandChair, MessageKeys.Create(session.CharacterId), Cancel(session), session.Tenant, cancellationToken);

    public static ChairCommand<ChairUseBody> Use(Session session, string chairType, uint chairId) =>
        Create(session, ChairCommandTypes.Use, new ChairUseBody { CharacterId = (uint)session.CharacterId, ChairType = chairType, ChairId = chairId });

    public static ChairCommand<ChairCharacterBody> Cancel(Session session) =>
        Create(session, ChairCommandTypes.Cancel, new ChairCharacterBody { CharacterId = (uint)session.CharacterId });

    private static ChairCommand<TBody> Create<TBody>(Session session, string type, TBody body)
        where TBody : new()
    {
        ArgumentNullException.ThrowIfNull(session);
        return new ChairCommand<TBody>
        {
            WorldId = session.Map.WorldId,
            ChannelId = session.Map.ChannelId,
            MapId = session.Map.MapId,
            Instance = session.Map.Instance,
            Type = type,
            Body = body,
        };
    }
}

/// <summary><c>CharacterChairPortableHandle</c> (§6.1): item id → USE PORTABLE.</summary>
public sealed partial class ChairPortableHandler(ChairCommands commands, ILogger<ChairPortableHandler> logger) : IPacketHandler
{
    public string Name => "CharacterChairPortableHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var itemId = reader.ReadUInt32();
        if (session.Phase != SessionPhase.InField)
            return;
        if (!ChairPackets.IsPortableChair(itemId))
        {
            LogNotAChair(logger, session.Id, itemId);
            EnableActions.Send(session);
            return;
        }

        if (!await commands.UseAsync(session, ChairTypes.Portable, itemId, cancellationToken))
        {
            ChairLog.NotSent(logger, session.Id);
            EnableActions.Send(session);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: item {ItemId} is not a portable chair; ignored")]
    private static partial void LogNotAChair(ILogger logger, Guid sessionId, uint itemId);
}

/// <summary><c>CharacterChairInteractionHandle</c> (§6.2): seat id → USE FIXED; −1 → CANCEL.</summary>
public sealed partial class ChairInteractionHandler(ChairCommands commands, ILogger<ChairInteractionHandler> logger) : IPacketHandler
{
    public string Name => "CharacterChairInteractionHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var seat = reader.ReadInt16();
        if (session.Phase != SessionPhase.InField)
            return;
        bool sent;
        if (seat == -1)
        {
            sent = await commands.CancelAsync(session, cancellationToken);
        }
        else if (seat < 0)
        {
            LogBadSeat(logger, session.Id, seat);
            EnableActions.Send(session);
            return;
        }
        else
        {
            sent = await commands.UseAsync(session, ChairTypes.Fixed, (uint)seat, cancellationToken);
        }

        if (!sent)
        {
            ChairLog.NotSent(logger, session.Id);
            EnableActions.Send(session);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: seat {Seat} is not a seat index; ignored")]
    private static partial void LogBadSeat(ILogger logger, Guid sessionId, short seat);
}

internal static partial class ChairLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: chair command could not be sent to the chairs service")]
    public static partial void NotSent(ILogger logger, Guid sessionId);
}
