namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CHARACTER_CHAT (consumed, from the messages service) and COMMAND_TOPIC_CHARACTER_CHAT (produced) share
// one envelope; only the WHISPER body differs by direction (command: recipient name, event: resolved id).

public static class ChatTypes
{
    public const string General = "GENERAL";
    public const string Buddy = "BUDDY";
    public const string Party = "PARTY";
    public const string Guild = "GUILD";
    public const string Alliance = "ALLIANCE";
    public const string Whisper = "WHISPER";
    public const string Messenger = "MESSENGER";
    public const string Pet = "PET";
    public const string PinkText = "PINK_TEXT";
}

public sealed record ChatMessage<TBody>
    where TBody : new()
{
    /// <summary>The sender's field.</summary>
    public byte WorldId { get; init; }

    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>Sender character id (pet chat: the pet id).</summary>
    public uint ActorId { get; init; }

    public string Message { get; init => field = value ?? ""; } = "";
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ChatGeneralBody
{
    public bool BalloonOnly { get; init; }
}

/// <summary>BUDDY, PARTY, GUILD, ALLIANCE, MESSENGER, PINK_TEXT.</summary>
public sealed record ChatRecipientsBody
{
    public IReadOnlyList<uint> Recipients { get; init => field = value ?? []; } = [];
}

/// <summary>WHISPER event: the recipient resolved by the messages service.</summary>
public sealed record ChatWhisperEventBody
{
    public uint Recipient { get; init; }
}

/// <summary>WHISPER command: the recipient's name as typed.</summary>
public sealed record ChatWhisperCommandBody
{
    public string RecipientName { get; init => field = value ?? ""; } = "";
}

public sealed record ChatPetBody
{
    public uint OwnerId { get; init; }
    public sbyte PetSlot { get; init; }
    public byte Type { get; init; }
    public byte Action { get; init; }
    public bool Balloon { get; init; }
}

internal static class ChatContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventCharacterChat, MessageDirection.Consumed, MessageKey.Of("actorId"))
            .Add<ChatMessage<ChatGeneralBody>>(ChatTypes.General)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Buddy)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Party)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Guild)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Alliance)
            .Add<ChatMessage<ChatWhisperEventBody>>(ChatTypes.Whisper)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Messenger)
            .Add<ChatMessage<ChatPetBody>>(ChatTypes.Pet)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.PinkText);

        catalog.Typed(Topics.CommandCharacterChat, MessageDirection.Produced, MessageKey.Of("actorId"))
            .Add<ChatMessage<ChatGeneralBody>>(ChatTypes.General)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Buddy)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Party)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Guild)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Alliance)
            .Add<ChatMessage<ChatWhisperCommandBody>>(ChatTypes.Whisper)
            .Add<ChatMessage<ChatRecipientsBody>>(ChatTypes.Messenger)
            .Add<ChatMessage<ChatPetBody>>(ChatTypes.Pet);
    }
}
