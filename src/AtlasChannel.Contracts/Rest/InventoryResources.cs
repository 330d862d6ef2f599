namespace AtlasChannel.Contracts.Rest;

/// <summary>Attributes of an INVENTORY <c>assets</c> resource: one flat shape for every item kind (spec/rest/inventory.md).</summary>
public sealed record AssetAttributes
{
    /// <summary>Negative = equipped (−101 and below: cash equipment); positive = bag slot from 1.</summary>
    public short Slot { get; init; }

    public uint TemplateId { get; init; }

    /// <summary>Zero time (<see cref="DateTimeOffset.MinValue"/>) = never expires.</summary>
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

    /// <summary>Remaining upgrade (scroll) slots.</summary>
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

    public DateTimeOffset? EquippedSince { get; init; }

    /// <summary>Cash serial; a decimal <em>string</em> on the wire for assets.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Int64AsStringConverter))]
    public long CashId { get; init; }

    public uint CommodityId { get; init; }

    public uint PurchaseBy { get; init; }

    /// <summary>&gt; 0 when the asset is a pet; key into PETS.</summary>
    public uint PetId { get; init; }
}

public sealed record AssetResource(uint Id, AssetAttributes Attributes);

public sealed record CompartmentAttributes
{
    /// <summary>Inventory type: 1 equip, 2 use, 3 setup, 4 etc, 5 cash.</summary>
    public sbyte Type { get; init; }

    public uint Capacity { get; init; }
}

public sealed record CompartmentResource(Guid Id, sbyte Type, uint Capacity, IReadOnlyList<AssetResource> Assets);

public sealed record InventoryAttributes
{
    public uint CharacterId { get; init; }
}

public sealed record InventoryResource(Guid Id, uint CharacterId, IReadOnlyList<CompartmentResource> Compartments)
{
    /// <summary>The compartment of <paramref name="type"/> (1..5), or null when the document has none.</summary>
    public CompartmentResource? Compartment(int type) => Compartments.FirstOrDefault(c => c.Type == type);
}
