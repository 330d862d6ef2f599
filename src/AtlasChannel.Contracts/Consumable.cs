namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CONSUMABLE_STATUS (consumed, from the consumables service).

public static class ConsumableStatusTypes
{
    public const string Error = "ERROR";
    public const string Scroll = "SCROLL";
    public const string EffectApplied = "EFFECT_APPLIED";
}

public sealed record ConsumableStatusEvent<TBody>
    where TBody : new()
{
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ConsumableErrorBody
{
    /// <summary><c>PET_CANNOT_CONSUME</c> or anything else.</summary>
    public string Error { get; init => field = value ?? ""; } = "";
}

public sealed record ConsumableScrollBody
{
    public bool Success { get; init; }
    public bool Cursed { get; init; }
    public bool LegendarySpirit { get; init; }
    public bool WhiteScroll { get; init; }
}

/// <summary>EFFECT_APPLIED (ignored by the channel); <c>transactionId</c> is not always sent (zero when absent).</summary>
public sealed record ConsumableEffectAppliedBody
{
    public uint ItemId { get; init; }
    public Guid TransactionId { get; init; }
}

// COMMAND_TOPIC_CONSUMABLE (produced).

public static class ConsumableCommandTypes
{
    public const string RequestItemConsume = "REQUEST_ITEM_CONSUME";
    public const string RequestScroll = "REQUEST_SCROLL";
}

public sealed record ConsumableCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ConsumableRequestItemConsumeBody
{
    public short Source { get; init; }
    public uint ItemId { get; init; }

    /// <summary>Always 1.</summary>
    public short Quantity { get; init; }
}

public sealed record ConsumableRequestScrollBody
{
    public short ScrollSlot { get; init; }
    public short EquipSlot { get; init; }
    public bool WhiteScroll { get; init; }
    public bool LegendarySpirit { get; init; }
}

internal static class ConsumableContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventConsumableStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<ConsumableStatusEvent<ConsumableErrorBody>>(ConsumableStatusTypes.Error)
            .Add<ConsumableStatusEvent<ConsumableScrollBody>>(ConsumableStatusTypes.Scroll)
            .Add<ConsumableStatusEvent<ConsumableEffectAppliedBody>>(ConsumableStatusTypes.EffectApplied);

        catalog.Typed(Topics.CommandConsumable, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<ConsumableCommand<ConsumableRequestItemConsumeBody>>(ConsumableCommandTypes.RequestItemConsume)
            .Add<ConsumableCommand<ConsumableRequestScrollBody>>(ConsumableCommandTypes.RequestScroll);
    }
}
