namespace AtlasChannel.Contracts;

// COMMAND_TOPIC_SYSTEM_MESSAGE (consumed, from the saga orchestrator).

public static class SystemMessageCommandTypes
{
    public const string SendMessage = "SEND_MESSAGE";
    public const string PlayPortalSound = "PLAY_PORTAL_SOUND";
    public const string ShowInfo = "SHOW_INFO";
    public const string ShowInfoText = "SHOW_INFO_TEXT";
    public const string UpdateAreaInfo = "UPDATE_AREA_INFO";
    public const string ShowHint = "SHOW_HINT";
    public const string ShowGuideHint = "SHOW_GUIDE_HINT";
    public const string ShowIntro = "SHOW_INTRO";
}

public sealed record SystemMessageCommand<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }

    /// <summary>The target.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record SystemMessageSendBody
{
    /// <summary><c>NOTICE</c>, <c>POP_UP</c>, <c>PINK_TEXT</c>, <c>BLUE_TEXT</c> (anything else: pink text).</summary>
    public string MessageType { get; init => field = value ?? ""; } = "";

    public string Message { get; init => field = value ?? ""; } = "";
}

/// <summary>SHOW_INFO and SHOW_INTRO: an effect path such as <c>Effect/OnUserEff.img/RecoveryUp</c>.</summary>
public sealed record SystemMessagePathBody
{
    public string Path { get; init => field = value ?? ""; } = "";
}

public sealed record SystemMessageTextBody
{
    public string Text { get; init => field = value ?? ""; } = "";
}

public sealed record SystemMessageAreaInfoBody
{
    public ushort Area { get; init; }
    public string Info { get; init => field = value ?? ""; } = "";
}

public sealed record SystemMessageHintBody
{
    public string Hint { get; init => field = value ?? ""; } = "";

    /// <summary>0 = auto.</summary>
    public ushort Width { get; init; }

    /// <summary>0 = auto.</summary>
    public ushort Height { get; init; }
}

public sealed record SystemMessageGuideHintBody
{
    public uint HintId { get; init; }

    /// <summary>Milliseconds; 0 means 7000.</summary>
    public uint Duration { get; init; }
}

internal static class SystemMessageContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Typed(Topics.CommandSystemMessage, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<SystemMessageCommand<SystemMessageSendBody>>(SystemMessageCommandTypes.SendMessage)
            .Add<SystemMessageCommand<EmptyBody>>(SystemMessageCommandTypes.PlayPortalSound)
            .Add<SystemMessageCommand<SystemMessagePathBody>>(SystemMessageCommandTypes.ShowInfo)
            .Add<SystemMessageCommand<SystemMessageTextBody>>(SystemMessageCommandTypes.ShowInfoText)
            .Add<SystemMessageCommand<SystemMessageAreaInfoBody>>(SystemMessageCommandTypes.UpdateAreaInfo)
            .Add<SystemMessageCommand<SystemMessageHintBody>>(SystemMessageCommandTypes.ShowHint)
            .Add<SystemMessageCommand<SystemMessageGuideHintBody>>(SystemMessageCommandTypes.ShowGuideHint)
            .Add<SystemMessageCommand<SystemMessagePathBody>>(SystemMessageCommandTypes.ShowIntro);
}
