using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Data;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The messages service: every chat command comes back as the chat event the channel renders. GENERAL and the group
/// types are echoed unchanged; WHISPER's recipient name is resolved to the character id (unknown names produce no
/// event, as the messages service has nothing to deliver).
/// </summary>
internal sealed partial class ChatService(SandboxOptions options, CharacterCatalog characters, PeerPublisher publisher, ILogger<ChatService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandCharacterChat, Guarded<ChatMessage<ChatGeneralBody>>(OnGeneralAsync)),
        subscriber.Subscribe(Topics.CommandCharacterChat, Guarded<ChatMessage<ChatRecipientsBody>>(OnRecipientsAsync)),
        subscriber.Subscribe(Topics.CommandCharacterChat, Guarded<ChatMessage<ChatWhisperCommandBody>>(OnWhisperAsync)),
    ];

    private ValueTask OnGeneralAsync(ConsumedMessage<ChatMessage<ChatGeneralBody>> consumed, CancellationToken cancellationToken) =>
        consumed.Message.Type == ChatTypes.General ? EmitAsync(consumed.Tenant, consumed.Message, cancellationToken) : ValueTask.CompletedTask;

    private ValueTask OnRecipientsAsync(ConsumedMessage<ChatMessage<ChatRecipientsBody>> consumed, CancellationToken cancellationToken) =>
        consumed.Message.Type is ChatTypes.Buddy or ChatTypes.Party or ChatTypes.Guild or ChatTypes.Alliance or ChatTypes.Messenger
            ? EmitAsync(consumed.Tenant, consumed.Message, cancellationToken)
            : ValueTask.CompletedTask;

    private ValueTask OnWhisperAsync(ConsumedMessage<ChatMessage<ChatWhisperCommandBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != ChatTypes.Whisper)
            return ValueTask.CompletedTask;
        if (!characters.TryFindByName(command.Body.RecipientName, out var target))
        {
            LogUnknownRecipient(Logger, command.ActorId, command.Body.RecipientName);
            return ValueTask.CompletedTask;
        }

        var chat = new ChatMessage<ChatWhisperEventBody>
        {
            WorldId = command.WorldId,
            ChannelId = command.ChannelId,
            MapId = command.MapId,
            Instance = command.Instance,
            ActorId = command.ActorId,
            Message = command.Message,
            Type = ChatTypes.Whisper,
            Body = new ChatWhisperEventBody { Recipient = target.Id },
        };
        return EmitAsync(consumed.Tenant, chat, cancellationToken);
    }

    private ValueTask EmitAsync<TBody>(Tenant tenant, ChatMessage<TBody> chat, CancellationToken cancellationToken)
        where TBody : new()
    {
        LogChat(Logger, chat.Type, chat.ActorId);
        return publisher.PublishAsync(Topics.EventCharacterChat, MessageKeys.Create(chat.ActorId), chat, tenant, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox messages service: {Type} chat from {ActorId}")]
    private static partial void LogChat(ILogger logger, string type, uint actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox messages service: whisper from {ActorId} to unknown '{Name}' dropped")]
    private static partial void LogUnknownRecipient(ILogger logger, uint actorId, string name);
}
