namespace AtlasChannel.Contracts;

// COMMAND_TOPIC_NPC (produced).

public static class NpcCommandTypes
{
    public const string StartConversation = "START_CONVERSATION";
    public const string ContinueConversation = "CONTINUE_CONVERSATION";
    public const string EndConversation = "END_CONVERSATION";
}

public sealed record NpcCommand<TBody>
    where TBody : new()
{
    /// <summary>NPC template id for START_CONVERSATION; 0 (unknown) for continue/end.</summary>
    public uint NpcId { get; init; }

    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record NpcStartConversationBody
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint AccountId { get; init; }
}

public sealed record NpcContinueConversationBody
{
    public byte Action { get; init; }
    public byte LastMessageType { get; init; }
    public int Selection { get; init; }
}

// COMMAND_TOPIC_NPC_CONVERSATION (consumed, from the NPC conversations service).

public static class NpcConversationCommandTypes
{
    public const string Simple = "SIMPLE";
    public const string Number = "NUMBER";
    public const string Style = "STYLE";
    public const string SlideMenu = "SLIDE_MENU";
}

public static class NpcTalkTypes
{
    public const string Next = "NEXT";
    public const string Previous = "PREVIOUS";
    public const string NextPrevious = "NEXT_PREVIOUS";
    public const string Ok = "OK";
    public const string YesNo = "YES_NO";
    public const string Simple = "SIMPLE";
    public const string AcceptDecline = "ACCEPT_DECLINE";
    public const string Num = "NUM";
    public const string Style = "STYLE";
}

public sealed record NpcConversationCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }

    /// <summary>Sent by the producer; not declared by the reference channel.</summary>
    public uint MapId { get; init; }

    /// <summary>Sent by the producer; not declared by the reference channel.</summary>
    public Guid Instance { get; init; }

    public uint CharacterId { get; init; }

    /// <summary>Speaking NPC template.</summary>
    public uint NpcId { get; init; }

    /// <summary><c>NPC</c> or <c>CHARACTER</c>.</summary>
    public string Speaker { get; init => field = value ?? ""; } = "";

    public bool EndChat { get; init; }

    /// <summary>0 = none.</summary>
    public uint SecondaryNpcId { get; init; }

    public string Message { get; init => field = value ?? ""; } = "";
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>
/// SIMPLE: the talk type (see <see cref="NpcTalkTypes"/>). Any other value crashes the Go handler; consumers must
/// reject unknown values gracefully.
/// </summary>
public sealed record NpcSimpleBody
{
    public string Type { get; init => field = value ?? ""; } = "";
}

public sealed record NpcNumberBody
{
    public uint DefaultValue { get; init; }
    public uint MinValue { get; init; }
    public uint MaxValue { get; init; }
}

public sealed record NpcStyleBody
{
    public IReadOnlyList<uint> Styles { get; init => field = value ?? []; } = [];
}

public sealed record NpcSlideMenuBody
{
    public uint MenuType { get; init; }
}

// EVENT_TOPIC_NPC_SHOP_STATUS (consumed) and COMMAND_TOPIC_NPC_SHOP (produced) share `{characterId, type, body}`.

public static class NpcShopStatusTypes
{
    public const string Entered = "ENTERED";
    public const string Error = "ERROR";
    public const string Exited = "EXITED";
}

public static class NpcShopCommandTypes
{
    public const string Enter = "ENTER";
    public const string Exit = "EXIT";
    public const string Buy = "BUY";
    public const string Sell = "SELL";
    public const string Recharge = "RECHARGE";
}

public sealed record NpcShopMessage<TBody>
    where TBody : new()
{
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>ENTERED event and ENTER command.</summary>
public sealed record NpcShopTemplateBody
{
    public uint NpcTemplateId { get; init; }
}

public sealed record NpcShopErrorBody
{
    public string Error { get; init => field = value ?? ""; } = "";
    public uint LevelLimit { get; init; }
    public string Reason { get; init => field = value ?? ""; } = "";
}

public sealed record NpcShopBuyBody
{
    public ushort Slot { get; init; }
    public uint ItemTemplateId { get; init; }
    public uint Quantity { get; init; }
    public uint DiscountPrice { get; init; }
}

public sealed record NpcShopSellBody
{
    public short Slot { get; init; }
    public uint ItemTemplateId { get; init; }
    public uint Quantity { get; init; }
}

public sealed record NpcShopRechargeBody
{
    public ushort Slot { get; init; }
}

internal static class NpcContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.CommandNpc, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<NpcCommand<NpcStartConversationBody>>(NpcCommandTypes.StartConversation)
            .Add<NpcCommand<NpcContinueConversationBody>>(NpcCommandTypes.ContinueConversation)
            .Add<NpcCommand<EmptyBody>>(NpcCommandTypes.EndConversation);

        catalog.Typed(Topics.CommandNpcConversation, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<NpcConversationCommand<NpcSimpleBody>>(NpcConversationCommandTypes.Simple)
            .Add<NpcConversationCommand<NpcNumberBody>>(NpcConversationCommandTypes.Number)
            .Add<NpcConversationCommand<NpcStyleBody>>(NpcConversationCommandTypes.Style)
            .Add<NpcConversationCommand<NpcSlideMenuBody>>(NpcConversationCommandTypes.SlideMenu);

        catalog.Typed(Topics.EventNpcShopStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<NpcShopMessage<NpcShopTemplateBody>>(NpcShopStatusTypes.Entered)
            .Add<NpcShopMessage<NpcShopErrorBody>>(NpcShopStatusTypes.Error)
            .Add<NpcShopMessage<EmptyBody>>(NpcShopStatusTypes.Exited);

        catalog.Typed(Topics.CommandNpcShop, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<NpcShopMessage<NpcShopTemplateBody>>(NpcShopCommandTypes.Enter)
            .Add<NpcShopMessage<EmptyBody>>(NpcShopCommandTypes.Exit)
            .Add<NpcShopMessage<NpcShopBuyBody>>(NpcShopCommandTypes.Buy)
            .Add<NpcShopMessage<NpcShopSellBody>>(NpcShopCommandTypes.Sell)
            .Add<NpcShopMessage<NpcShopRechargeBody>>(NpcShopCommandTypes.Recharge);
    }
}
