using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;

namespace AtlasChannel.Features.Chat;

/// <summary>COMMAND_TOPIC_CHARACTER_CHAT (spec/kafka/chat.md): the envelope is the sender's field, key = actor id.</summary>
public sealed class ChatCommands(ICommandPublisher publisher)
{
    public Task<bool> GeneralAsync(Session session, string message, bool balloonOnly, CancellationToken cancellationToken) =>
        PublishAsync(session, ChatTypes.General, message, new ChatGeneralBody { BalloonOnly = balloonOnly }, cancellationToken);

    public Task<bool> MultiAsync(Session session, string type, IReadOnlyList<uint> recipients, string message, CancellationToken cancellationToken) =>
        PublishAsync(session, type, message, new ChatRecipientsBody { Recipients = recipients }, cancellationToken);

    public Task<bool> WhisperAsync(Session session, string recipientName, string message, CancellationToken cancellationToken) =>
        PublishAsync(session, ChatTypes.Whisper, message, new ChatWhisperCommandBody { RecipientName = recipientName }, cancellationToken);

    /// <summary>The record a session's chat produces (exposed for tests).</summary>
    public static ChatMessage<TBody> Create<TBody>(Session session, string type, string message, TBody body)
        where TBody : new()
    {
        ArgumentNullException.ThrowIfNull(session);
        return new ChatMessage<TBody>
        {
            WorldId = session.Map.WorldId,
            ChannelId = session.Map.ChannelId,
            MapId = session.Map.MapId,
            Instance = session.Map.Instance,
            ActorId = (uint)session.CharacterId,
            Message = message,
            Type = type,
            Body = body,
        };
    }

    private Task<bool> PublishAsync<TBody>(Session session, string type, string message, TBody body, CancellationToken cancellationToken)
        where TBody : new() =>
        publisher.PublishAsync(Topics.CommandCharacterChat, MessageKeys.Create(session.CharacterId), Create(session, type, message, body), session.Tenant, cancellationToken);
}
