using System.Text.Json;
using System.Text.Json.Serialization;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts;

// COMMAND_TOPIC_SAGA (produced) — no `type`/`body`: discriminated by `sagaType`; each step's payload by its `action`.

public static class SagaTypes
{
    public const string StorageOperation = "storage_operation";
    public const string CashShopOperation = "cash_shop_operation";
    public const string CharacterRespawn = "character_respawn";
}

public static class SagaInitiators
{
    public const string Storage = "STORAGE";
    public const string CashShop = "CASH_SHOP";
    public const string Respawn = "RESPAWN";
}

public static class SagaStepStatuses
{
    public const string Pending = "pending";
}

public static class SagaActions
{
    public const string AwardMesos = "award_mesos";
    public const string UpdateStorageMesos = "update_storage_mesos";
    public const string WithdrawFromStorage = "withdraw_from_storage";
    public const string TransferToStorage = "transfer_to_storage";
    public const string WithdrawFromCashShop = "withdraw_from_cash_shop";
    public const string TransferToCashShop = "transfer_to_cash_shop";
    public const string DestroyAsset = "destroy_asset";
    public const string SetHp = "set_hp";
    public const string DeductExperience = "deduct_experience";
    public const string CancelAllBuffs = "cancel_all_buffs";
    public const string WarpToPortal = "warp_to_portal";

    /// <summary>Payload record for each known action.</summary>
    public static IReadOnlyDictionary<string, Type> PayloadTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [AwardMesos] = typeof(AwardMesosPayload),
        [UpdateStorageMesos] = typeof(UpdateStorageMesosPayload),
        [WithdrawFromStorage] = typeof(WithdrawFromStoragePayload),
        [TransferToStorage] = typeof(TransferToStoragePayload),
        [WithdrawFromCashShop] = typeof(WithdrawFromCashShopPayload),
        [TransferToCashShop] = typeof(TransferToCashShopPayload),
        [DestroyAsset] = typeof(DestroyAssetPayload),
        [SetHp] = typeof(SetHpPayload),
        [DeductExperience] = typeof(DeductExperiencePayload),
        [CancelAllBuffs] = typeof(CancelAllBuffsPayload),
        [WarpToPortal] = typeof(WarpToPortalPayload),
    };
}

public sealed record SagaCommand
{
    /// <summary>New random v4 per saga; storage/cash-shop payloads repeat it.</summary>
    public Guid TransactionId { get; init; }

    /// <summary>See <see cref="SagaTypes"/>.</summary>
    public string SagaType { get; init => field = value ?? ""; } = "";

    /// <summary>See <see cref="SagaInitiators"/>.</summary>
    public string InitiatedBy { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<SagaStep> Steps { get; init => field = value ?? []; } = [];
}

/// <summary>One saga step; <see cref="Payload"/>'s record type follows <see cref="Action"/> (see <see cref="SagaActions"/>).</summary>
[JsonConverter(typeof(SagaStepConverter))]
public sealed record SagaStep
{
    public string StepId { get; init => field = value ?? ""; } = "";
    public string Status { get; init => field = value ?? ""; } = "";
    public string Action { get; init => field = value ?? ""; } = "";
    public SagaPayload Payload { get; init; } = UnknownSagaPayload.Null;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public abstract record SagaPayload;

/// <summary>Payload of an action this library does not know; kept verbatim.</summary>
public sealed record UnknownSagaPayload : SagaPayload
{
    public static UnknownSagaPayload Null { get; } = new() { Raw = AccountSessionParams.Null };

    public JsonElement Raw { get; init => field = value.ValueKind == JsonValueKind.Undefined ? AccountSessionParams.Null : value; } = AccountSessionParams.Null;
}

public sealed record AwardMesosPayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint ActorId { get; init; }

    /// <summary><c>NPC</c>, <c>STORAGE</c>, …</summary>
    public string ActorType { get; init => field = value ?? ""; } = "";

    /// <summary>May be negative.</summary>
    public int Amount { get; init; }
}

public sealed record UpdateStorageMesosPayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public uint AccountId { get; init; }
    public byte WorldId { get; init; }

    /// <summary>See <see cref="StorageMesoOperations"/>.</summary>
    public string Operation { get; init => field = value ?? ""; } = "";

    public uint Mesos { get; init; }
}

public sealed record WithdrawFromStoragePayload : SagaPayload
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public uint AccountId { get; init; }
    public short SourceSlot { get; init; }
    public byte InventoryType { get; init; }

    /// <summary>0 = all.</summary>
    public uint Quantity { get; init; }
}

public sealed record TransferToStoragePayload : SagaPayload
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public uint AccountId { get; init; }
    public short SourceSlot { get; init; }
    public byte SourceInventoryType { get; init; }
    public uint Quantity { get; init; }
}

public sealed record WithdrawFromCashShopPayload : SagaPayload
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public uint AccountId { get; init; }
    public ulong CashId { get; init; }
    public byte CompartmentType { get; init; }
    public byte InventoryType { get; init; }
}

public sealed record TransferToCashShopPayload : SagaPayload
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public uint AccountId { get; init; }

    /// <summary>uint64 as the channel sends it (the orchestrator declares int64).</summary>
    public ulong CashId { get; init; }

    public byte SourceInventoryType { get; init; }
    public byte CompartmentType { get; init; }
}

public sealed record DestroyAssetPayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public uint TemplateId { get; init; }
    public uint Quantity { get; init; }
    public bool RemoveAll { get; init; }
}

public sealed record SetHpPayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public ushort Amount { get; init; }
}

public sealed record DeductExperiencePayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint Amount { get; init; }
}

public sealed record CancelAllBuffsPayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
}

public sealed record WarpToPortalPayload : SagaPayload
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }

    /// <summary>0 = spawn point.</summary>
    public uint PortalId { get; init; }
}

// EVENT_TOPIC_SAGA_STATUS (consumed, from the saga orchestrator).

public static class SagaStatusTypes
{
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}

public sealed record SagaStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record SagaFailedBody
{
    public string Reason { get; init => field = value ?? ""; } = "";
    public string FailedStep { get; init => field = value ?? ""; } = "";
    public uint CharacterId { get; init; }
    public string SagaType { get; init => field = value ?? ""; } = "";

    /// <summary><c>NOT_ENOUGH_MESOS</c>, <c>INVENTORY_FULL</c>, <c>STORAGE_FULL</c>, <c>UNKNOWN</c>, …</summary>
    public string ErrorCode { get; init => field = value ?? ""; } = "";
}

internal static class SagaContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.CommandSaga, MessageDirection.Produced, MessageKey.Transaction(), discriminator: "sagaType")
            .Add<SagaCommand>(SagaTypes.StorageOperation)
            .Add<SagaCommand>(SagaTypes.CashShopOperation)
            .Add<SagaCommand>(SagaTypes.CharacterRespawn);

        catalog.Typed(Topics.EventSagaStatus, MessageDirection.Consumed, MessageKey.Transaction())
            .Add<SagaStatusEvent<EmptyBody>>(SagaStatusTypes.Completed)
            .Add<SagaStatusEvent<SagaFailedBody>>(SagaStatusTypes.Failed);
    }
}
