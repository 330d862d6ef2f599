using System.Text.Json.Serialization;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_ASSET_STATUS (consumed, from the inventory service).

public static class AssetStatusTypes
{
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string Deleted = "DELETED";
    public const string Moved = "MOVED";
    public const string QuantityChanged = "QUANTITY_CHANGED";
    public const string Accepted = "ACCEPTED";
    public const string Released = "RELEASED";
    public const string Expired = "EXPIRED";
}

public sealed record AssetStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public Guid CompartmentId { get; init; }
    public uint AssetId { get; init; }

    /// <summary>Item id; inventory type = templateId / 1 000 000.</summary>
    public uint TemplateId { get; init; }

    /// <summary>Current slot (negative = equipped).</summary>
    public short Slot { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>Full asset data (CREATED, UPDATED, ACCEPTED; the producer also sends it for RELEASED).</summary>
public sealed record AssetDataBody
{
    public DateTimeOffset Expiration { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Quantity { get; init; }
    public uint OwnerId { get; init; }
    public ushort Flag { get; init; }
    public ulong Rechargeable { get; init; }
    public ushort Strength { get; init; }
    public ushort Dexterity { get; init; }
    public ushort Intelligence { get; init; }
    public ushort Luck { get; init; }
    public ushort Hp { get; init; }
    public ushort Mp { get; init; }
    public ushort WeaponAttack { get; init; }
    public ushort MagicAttack { get; init; }
    public ushort WeaponDefense { get; init; }
    public ushort MagicDefense { get; init; }
    public ushort Accuracy { get; init; }
    public ushort Avoidability { get; init; }
    public ushort Hands { get; init; }
    public ushort Speed { get; init; }
    public ushort Jump { get; init; }
    public ushort Slots { get; init; }
    public bool Locked { get; init; }
    public bool Spikes { get; init; }
    public bool KarmaUsed { get; init; }
    public bool Cold { get; init; }
    public bool CanBeTraded { get; init; }
    public byte LevelType { get; init; }
    public byte Level { get; init; }
    public uint Experience { get; init; }
    public uint HammersApplied { get; init; }

    /// <summary>Go <c>*time.Time</c>: null when not equipped.</summary>
    public DateTimeOffset? EquippedSince { get; init; }

    /// <summary>Go <c>int64</c> with <c>,string</c>: a JSON string on the wire (a bare number is accepted too).</summary>
    [JsonConverter(typeof(Int64AsStringConverter))]
    public long CashId { get; init; }

    public uint CommodityId { get; init; }
    public uint PurchaseBy { get; init; }
    public uint PetId { get; init; }
}

public sealed record AssetQuantityChangedBody
{
    public uint Quantity { get; init; }
}

public sealed record AssetMovedBody
{
    public short OldSlot { get; init; }

    /// <summary>Sent by the inventory service; unused by the channel.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record AssetExpiredBody
{
    public bool IsCash { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint ReplaceItemId { get; init; }

    /// <summary>Go <c>omitempty</c> string: an empty message is represented (and omitted) as null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReplaceMessage { get; init => field = string.IsNullOrEmpty(value) ? null : value; }
}

internal static class AssetContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Typed(Topics.EventAssetStatus, MessageDirection.Consumed, MessageKey.Of("assetId"))
            .Add<AssetStatusEvent<AssetDataBody>>(AssetStatusTypes.Created)
            .Add<AssetStatusEvent<AssetDataBody>>(AssetStatusTypes.Updated)
            .Add<AssetStatusEvent<EmptyBody>>(AssetStatusTypes.Deleted)
            .Add<AssetStatusEvent<AssetMovedBody>>(AssetStatusTypes.Moved)
            .Add<AssetStatusEvent<AssetQuantityChangedBody>>(AssetStatusTypes.QuantityChanged)
            .Add<AssetStatusEvent<AssetDataBody>>(AssetStatusTypes.Accepted)
            .Add<AssetStatusEvent<AssetDataBody>>(AssetStatusTypes.Released) // channel reads {}, producer sends full data
            .Add<AssetStatusEvent<AssetExpiredBody>>(AssetStatusTypes.Expired);
}
