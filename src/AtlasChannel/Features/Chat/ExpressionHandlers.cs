using AtlasChannel.Contracts;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Chat;

/// <summary><c>CharacterExpressionHandle</c> (chat-social.md §4.1) → COMMAND_TOPIC_EXPRESSION (spec/kafka/expression.md).</summary>
/// <remarks>Cosmic checks ownership of the cash emote item for emotes above 7; the expressions service owns that rule.</remarks>
public sealed partial class ExpressionHandler(ICommandPublisher publisher, ILogger<ExpressionHandler> logger) : IPacketHandler
{
    public string Name => "CharacterExpressionHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var emote = ExpressionPackets.Read(ref reader, session.Server.Version);
        if (session.Phase != SessionPhase.InField)
            return;
        if (emote < 1 || emote > ExpressionPackets.MaxEmote(session.Server.Version))
        {
            LogBadEmote(logger, session.Id, emote);
            return;
        }

        if (!await publisher.PublishAsync(Topics.CommandExpression, MessageKeys.Create(session.CharacterId), Command(session, (uint)emote), session.Tenant, cancellationToken))
            LogNotSent(logger, session.Id);
    }

    public static ExpressionCommand Command(Session session, uint emote)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new ExpressionCommand
        {
            CharacterId = (uint)session.CharacterId,
            WorldId = session.Map.WorldId,
            ChannelId = session.Map.ChannelId,
            MapId = session.Map.MapId,
            Instance = session.Map.Instance,
            Expression = emote,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: emote {Emote} is outside what the client can send; ignored")]
    private static partial void LogBadEmote(ILogger logger, Guid sessionId, int emote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: expression could not be sent to the expressions service")]
    private static partial void LogNotSent(ILogger logger, Guid sessionId);
}

/// <summary>EVENT_TOPIC_EXPRESSION → <c>CharacterExpression</c> to the others in the field (the event's instance).</summary>
public sealed class ExpressionEvents(ISessionRegistry registry) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<ExpressionEvent>(Topics.EventExpression, OnExpressionAsync);
    }

    public ValueTask OnExpressionAsync(ConsumedMessage<ExpressionEvent> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var e = consumed.Message;
        var map = new MapKey(consumed.Tenant.Id, e.WorldId, e.ChannelId, e.MapId, e.Instance);
        Session? self = null;
        foreach (var session in registry.InMap(map))
        {
            if (session.CharacterId == (long)e.CharacterId)
                self = session;
        }

        registry.SendToMap(map, ExpressionPackets.Writer, (e.CharacterId, e.Expression), ExpressionPackets.Expression, except: self);
        return ValueTask.CompletedTask;
    }
}
