using System.Text.Json.Serialization;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CASH_SHOP_STATUS (consumed from the cash shop service, and produced for CHARACTER_ENTER/EXIT).

public static class CashShopStatusTypes
{
    public const string InventoryCapacityIncreased = "INVENTORY_CAPACITY_INCREASED";
    public const string Purchase = "PURCHASE";
    public const string Error = "ERROR";
    public const string CashItemMovedToInventory = "CASH_ITEM_MOVED_TO_INVENTORY";
    public const string CharacterEnter = "CHARACTER_ENTER";
    public const string CharacterExit = "CHARACTER_EXIT";
}

public sealed record CashShopStatusEvent<TBody>
    where TBody : new()
{
    /// <summary>
    /// Declared (and produced, as 0) by the channel; the cash shop service does not send it, so it is null on
    /// consumed events and then omitted when re-serialised.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public byte? WorldId { get; init; }

    /// <summary>Always 0 in the channel's own CHARACTER_ENTER/EXIT (the character id is in the body).</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record CashShopInventoryCapacityIncreasedBody
{
    public byte InventoryType { get; init; }
    public uint Capacity { get; init; }
    public uint Amount { get; init; }
}

public sealed record CashShopPurchaseBody
{
    public uint TemplateId { get; init; }
    public uint Price { get; init; }
    public Guid CompartmentId { get; init; }

    /// <summary>A uint32 from the cash shop service (the Go channel expects a UUID and drops the event).</summary>
    public AssetReference AssetId { get; init; }

    /// <summary>Declared by the channel, never sent by the producer: null (and omitted) unless present.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public uint? ItemId { get; init; }
}

public sealed record CashShopErrorBody
{
    public string Error { get; init => field = value ?? ""; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint CashItemId { get; init; }
}

/// <summary>Declared by the channel, ignored on consume.</summary>
public sealed record CashShopCashItemMovedToInventoryBody
{
    public Guid CompartmentId { get; init; }
    public short Slot { get; init; }
}

/// <summary>CHARACTER_ENTER / CHARACTER_EXIT (produced).</summary>
public sealed record CashShopCharacterMovementBody
{
    public uint CharacterId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
}

// EVENT_TOPIC_CASH_COMPARTMENT_STATUS (consumed).

public static class CashCompartmentStatusTypes
{
    public const string Accepted = "ACCEPTED";
    public const string Released = "RELEASED";
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string Deleted = "DELETED";
    public const string Error = "ERROR";
}

public sealed record CashCompartmentStatusEvent<TBody>
    where TBody : new()
{
    public uint AccountId { get; init; }
    public uint CharacterId { get; init; }
    public Guid CompartmentId { get; init; }

    /// <summary>1 Explorer, 2 Cygnus, 3 Legend.</summary>
    public byte CompartmentType { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record CashCompartmentAcceptedBody
{
    public Guid TransactionId { get; init; }

    /// <summary>A uint32 from the cash shop service (the Go channel expects a UUID and drops the event).</summary>
    public AssetReference AssetId { get; init; }
}

public sealed record CashCompartmentReleasedBody
{
    public Guid TransactionId { get; init; }
    public uint AssetId { get; init; }

    /// <summary>A plain JSON number here (unlike the asset topic's string form); a quoted number is accepted too.</summary>
    [JsonConverter(typeof(Int64AcceptingStringConverter))]
    public long CashId { get; init; }

    public uint TemplateId { get; init; }
}

/// <summary>CREATED / UPDATED (ignored by the channel).</summary>
public sealed record CashCompartmentCapacityBody
{
    public uint Capacity { get; init; }
}

/// <summary>ERROR (ignored by the channel).</summary>
public sealed record CashCompartmentErrorBody
{
    public string ErrorCode { get; init => field = value ?? ""; } = "";
    public Guid TransactionId { get; init; }
}

// COMMAND_TOPIC_CASH_SHOP (produced).

public static class CashShopCommandTypes
{
    public const string RequestPurchase = "REQUEST_PURCHASE";
    public const string RequestInventoryIncreaseByType = "REQUEST_INVENTORY_INCREASE_BY_TYPE";
    public const string RequestInventoryIncreaseByItem = "REQUEST_INVENTORY_INCREASE_BY_ITEM";
    public const string RequestStorageIncrease = "REQUEST_STORAGE_INCREASE";
    public const string RequestStorageIncreaseByItem = "REQUEST_STORAGE_INCREASE_BY_ITEM";
    public const string RequestCharacterSlotIncreaseByItem = "REQUEST_CHARACTER_SLOT_INCREASE_BY_ITEM";

    /// <summary>Declared but never produced by the channel (moves go through sagas).</summary>
    public const string MoveFromCashInventory = "MOVE_FROM_CASH_INVENTORY";
}

public sealed record CashShopCommand<TBody>
    where TBody : new()
{
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>REQUEST_PURCHASE and the three *_BY_ITEM requests.</summary>
public sealed record CashShopSerialNumberBody
{
    public uint Currency { get; init; }
    public uint SerialNumber { get; init; }
}

public sealed record CashShopInventoryIncreaseByTypeBody
{
    public uint Currency { get; init; }
    public byte InventoryType { get; init; }
}

public sealed record CashShopStorageIncreaseBody
{
    public uint Currency { get; init; }
}

public sealed record CashShopMoveFromCashInventoryBody
{
    public ulong SerialNumber { get; init; }
    public byte InventoryType { get; init; }
    public short Slot { get; init; }
}

internal static class CashShopContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventCashShopStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<CashShopStatusEvent<CashShopInventoryCapacityIncreasedBody>>(CashShopStatusTypes.InventoryCapacityIncreased)
            .Add<CashShopStatusEvent<CashShopPurchaseBody>>(CashShopStatusTypes.Purchase)
            .Add<CashShopStatusEvent<CashShopErrorBody>>(CashShopStatusTypes.Error)
            .Add<CashShopStatusEvent<CashShopCashItemMovedToInventoryBody>>(CashShopStatusTypes.CashItemMovedToInventory)
            // The envelope characterId is always 0 in these; the key is built from the body's character id.
            .Add<CashShopStatusEvent<CashShopCharacterMovementBody>>(CashShopStatusTypes.CharacterEnter, MessageDirection.Produced, MessageKey.Of("body.characterId"))
            .Add<CashShopStatusEvent<CashShopCharacterMovementBody>>(CashShopStatusTypes.CharacterExit, MessageDirection.Produced, MessageKey.Of("body.characterId"));

        catalog.Typed(Topics.EventCashCompartmentStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<CashCompartmentStatusEvent<CashCompartmentAcceptedBody>>(CashCompartmentStatusTypes.Accepted)
            .Add<CashCompartmentStatusEvent<CashCompartmentReleasedBody>>(CashCompartmentStatusTypes.Released)
            .Add<CashCompartmentStatusEvent<CashCompartmentCapacityBody>>(CashCompartmentStatusTypes.Created, keyOverride: MessageKey.Zero)
            .Add<CashCompartmentStatusEvent<CashCompartmentCapacityBody>>(CashCompartmentStatusTypes.Updated, keyOverride: MessageKey.Zero)
            .Add<CashCompartmentStatusEvent<EmptyBody>>(CashCompartmentStatusTypes.Deleted, keyOverride: MessageKey.Zero)
            .Add<CashCompartmentStatusEvent<CashCompartmentErrorBody>>(CashCompartmentStatusTypes.Error, keyOverride: MessageKey.Zero);

        catalog.Typed(Topics.CommandCashShop, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<CashShopCommand<CashShopSerialNumberBody>>(CashShopCommandTypes.RequestPurchase)
            .Add<CashShopCommand<CashShopInventoryIncreaseByTypeBody>>(CashShopCommandTypes.RequestInventoryIncreaseByType)
            .Add<CashShopCommand<CashShopSerialNumberBody>>(CashShopCommandTypes.RequestInventoryIncreaseByItem)
            .Add<CashShopCommand<CashShopStorageIncreaseBody>>(CashShopCommandTypes.RequestStorageIncrease)
            .Add<CashShopCommand<CashShopSerialNumberBody>>(CashShopCommandTypes.RequestStorageIncreaseByItem)
            .Add<CashShopCommand<CashShopSerialNumberBody>>(CashShopCommandTypes.RequestCharacterSlotIncreaseByItem)
            .Add<CashShopCommand<CashShopMoveFromCashInventoryBody>>(CashShopCommandTypes.MoveFromCashInventory);
    }
}
