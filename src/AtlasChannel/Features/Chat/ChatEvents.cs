using System.Runtime.InteropServices;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Chat;

/// <summary>
/// EVENT_TOPIC_CHARACTER_CHAT (spec/kafka/chat.md) → chat packets. GENERAL goes to the sender's field (sender
/// included); BUDDY/PARTY/GUILD/ALLIANCE to each listed recipient with a session here; WHISPER to both ends.
/// </summary>
/// <remarks>
/// The reference also writes a group-chat packet (mode 99) for MESSENGER and PINK_TEXT because its multi path runs
/// for every type with recipients; we restrict it to the four group types as the spec recommends. Recipients are
/// looked up among this process's sessions of the sender's world rather than only the sender's channel: every
/// channel process sees every chat event, so each recipient is served exactly once, wherever it is connected.
/// </remarks>
public sealed partial class ChatEvents(ISessionRegistry registry, IChatDirectory directory, ILogger<ChatEvents> logger) : IEventHandlers
{
    /// <summary>Text from the messages service is trusted more than a client's, but still bounded.</summary>
    public const int MaxEventMessageLength = 1024;

    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<ChatMessage<ChatGeneralBody>>(Topics.EventCharacterChat, OnGeneralAsync);
        subscriber.Subscribe<ChatMessage<ChatRecipientsBody>>(Topics.EventCharacterChat, OnMultiAsync);
        subscriber.Subscribe<ChatMessage<ChatWhisperEventBody>>(Topics.EventCharacterChat, OnWhisperAsync);
    }

    public async ValueTask OnGeneralAsync(ConsumedMessage<ChatMessage<ChatGeneralBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var chat = consumed.Message;
        if (chat.Type != ChatTypes.General || !Bounded(chat))
            return;
        var map = new MapKey(consumed.Tenant.Id, chat.WorldId, chat.ChannelId, chat.MapId, chat.Instance);
        if (registry.InMap(map).IsEmpty)
            return;
        var sender = await SenderAsync(consumed.Tenant, chat.WorldId, chat.ActorId, cancellationToken);
        if (sender is null)
            return;
        registry.SendToMap(map, ChatPackets.GeneralWriter, (chat.ActorId, sender.Gm, chat.Message, chat.Body.BalloonOnly), ChatPackets.General);
    }

    public async ValueTask OnMultiAsync(ConsumedMessage<ChatMessage<ChatRecipientsBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var chat = consumed.Message;
        if (ChatText.MultiMode(chat.Type) is not { } mode || !Bounded(chat))
            return;
        var recipients = new List<Session>(chat.Body.Recipients.Count);
        foreach (var id in chat.Body.Recipients.Distinct())
        {
            if (Local(consumed.Tenant, chat.WorldId, id) is { } session && !recipients.Contains(session))
                recipients.Add(session);
        }

        if (recipients.Count == 0)
            return;
        var sender = await SenderAsync(consumed.Tenant, chat.WorldId, chat.ActorId, cancellationToken);
        if (sender is null)
            return;
        var writer = recipients[0].Server.Opcodes.TryGetWriter(ChatPackets.MultiWriter, out _) ? ChatPackets.MultiWriter : ChatPackets.MultiWriterAlias;
        Fanout.SendTo(CollectionsMarshal.AsSpan(recipients), writer, (mode, sender.Name, chat.Message), ChatPackets.Multi);
    }

    public async ValueTask OnWhisperAsync(ConsumedMessage<ChatMessage<ChatWhisperEventBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var chat = consumed.Message;
        if (chat.Type != ChatTypes.Whisper || !Bounded(chat))
            return;
        if (chat.Body.Recipient == 0)
        {
            LogNoRecipient(logger, chat.ActorId);
            return;
        }

        var senderSession = Local(consumed.Tenant, chat.WorldId, chat.ActorId);
        var recipientSession = Local(consumed.Tenant, chat.WorldId, chat.Body.Recipient);
        if (senderSession is not null)
        {
            var recipient = await SenderAsync(consumed.Tenant, chat.WorldId, chat.Body.Recipient, cancellationToken);
            senderSession.Send(ChatPackets.WhisperWriter, (recipient?.Name ?? string.Empty, recipient is not null), ChatPackets.WhisperSendResult);
        }

        if (recipientSession is not null)
        {
            var sender = await SenderAsync(consumed.Tenant, chat.WorldId, chat.ActorId, cancellationToken);
            if (sender is not null)
                recipientSession.Send(ChatPackets.WhisperWriter, (sender.Name, chat.ChannelId, chat.Message), ChatPackets.WhisperReceipt);
        }
    }

    private Session? Local(Tenant tenant, byte worldId, uint characterId)
    {
        if (characterId is 0 or > int.MaxValue)
            return null;
        var session = registry.FindByCharacter(tenant.Id, (int)characterId);
        return session is not null && session.Server.WorldId == worldId ? session : null;
    }

    /// <summary>A character's name and GM flag: from its session here, else from the characters service.</summary>
    private async Task<ChatCharacter?> SenderAsync(Tenant tenant, byte worldId, uint characterId, CancellationToken cancellationToken)
    {
        if (Local(tenant, worldId, characterId) is { } session)
            return new ChatCharacter(characterId, session.CharacterName, session.IsGm);
        try
        {
            var found = await directory.ByIdAsync(tenant, characterId, cancellationToken);
            if (found is null)
                LogUnknownCharacter(logger, characterId);
            return found;
        }
        catch (PeerException ex)
        {
            LogLookupFailed(logger, characterId, ex.Message);
            return null;
        }
    }

    private bool Bounded<TBody>(ChatMessage<TBody> chat)
        where TBody : new()
    {
        if (chat.Message.Length <= MaxEventMessageLength)
            return true;
        LogOversize(logger, chat.Type, chat.ActorId, chat.Message.Length);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat event {Type} from {ActorId}: text of {Length} characters dropped")]
    private static partial void LogOversize(ILogger logger, string type, uint actorId, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whisper event from {ActorId} names no recipient; dropped")]
    private static partial void LogNoRecipient(ILogger logger, uint actorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat event: character {CharacterId} does not exist; dropped")]
    private static partial void LogUnknownCharacter(ILogger logger, uint characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat event: look-up of character {CharacterId} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, uint characterId, string reason);
}
