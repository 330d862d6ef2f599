namespace AtlasChannel.Features.Characters;

/// <summary>Slot capacities of the five inventories, in wire order.</summary>
public sealed record InventoryCapacities(byte Equip, byte Use, byte Setup, byte Etc, byte Cash)
{
    public static InventoryCapacities Default { get; } = new(CharacterDefaults.SlotCapacity, CharacterDefaults.SlotCapacity, CharacterDefaults.SlotCapacity, CharacterDefaults.SlotCapacity, CharacterDefaults.SlotCapacity);
}

/// <summary>The character's items by inventory. <see cref="Equipped"/> holds negative positions (−1…−99 regular, −101… cash).</summary>
public sealed record CharacterInventory
{
    public static CharacterInventory Empty { get; } = new();

    public InventoryCapacities Capacities { get; init; } = InventoryCapacities.Default;

    public ValueList<EquipItem> Equipped { get; init; } = ValueList.Empty<EquipItem>();

    public ValueList<EquipItem> Equips { get; init; } = ValueList.Empty<EquipItem>();

    public ValueList<StackableItem> Use { get; init; } = ValueList.Empty<StackableItem>();

    public ValueList<StackableItem> Setup { get; init; } = ValueList.Empty<StackableItem>();

    public ValueList<StackableItem> Etc { get; init; } = ValueList.Empty<StackableItem>();

    public ValueList<CashInventoryItem> Cash { get; init; } = ValueList.Empty<CashInventoryItem>();
}

/// <summary>Equipment [C§5.3]. <see cref="Expiration"/> null = never expires.</summary>
public sealed record EquipItem
{
    public short Position { get; init; }

    public int TemplateId { get; init; }

    public bool IsCash { get; init; }

    public long CashSerial { get; init; }

    public DateTimeOffset? Expiration { get; init; }

    public byte UpgradeSlots { get; init; }

    public byte UpgradesApplied { get; init; }

    public short Strength { get; init; }

    public short Dexterity { get; init; }

    public short Intelligence { get; init; }

    public short Luck { get; init; }

    public short MaxHp { get; init; }

    public short MaxMp { get; init; }

    public short WeaponAttack { get; init; }

    public short MagicAttack { get; init; }

    public short WeaponDefense { get; init; }

    public short MagicDefense { get; init; }

    public short Accuracy { get; init; }

    public short Avoidability { get; init; }

    public short Hands { get; init; }

    public short Speed { get; init; }

    public short Jump { get; init; }

    public string Owner { get; init; } = string.Empty;

    public short Flag { get; init; }

    public byte LevelUpType { get; init; }

    public byte ItemLevel { get; init; }

    public int ItemExperience { get; init; }

    public int ViciousHammers { get; init; }
}

/// <summary>A use / setup / etc stack [C§5.4].</summary>
public sealed record StackableItem
{
    public byte Position { get; init; }

    public int TemplateId { get; init; }

    public DateTimeOffset? Expiration { get; init; }

    public short Quantity { get; init; }

    public string Owner { get; init; } = string.Empty;

    public short Flag { get; init; }

    /// <summary>Written only for rechargeable items (see <see cref="ItemKinds.IsRechargeable"/>).</summary>
    public long RechargeSerial { get; init; }
}

/// <summary>An entry of the cash inventory: a <see cref="CashItem"/> or a <see cref="PetItem"/>.</summary>
public abstract record CashInventoryItem
{
    public byte Position { get; init; }

    public int TemplateId { get; init; }
}

/// <summary>A cash item that is not a pet [C§5.5].</summary>
public sealed record CashItem : CashInventoryItem
{
    public long CashSerial { get; init; }

    public DateTimeOffset? Expiration { get; init; }

    public short Quantity { get; init; }

    public string Owner { get; init; } = string.Empty;

    public short Flag { get; init; }
}

/// <summary>A pet in the cash inventory [C§5.6].</summary>
public sealed record PetItem : CashInventoryItem
{
    /// <summary>The pet's identity on the wire (same value as in GW_CharacterStat.petSn) [C§5.7].</summary>
    public long PetSerial { get; init; }

    public string Name { get; init; } = string.Empty;

    public byte Level { get; init; } = 1;

    public short Closeness { get; init; }

    public byte Fullness { get; init; }

    /// <summary>"Water of life" date: null = none. Encoded as the dead-date state marker [C§5.7].</summary>
    public DateTimeOffset? DeadDate { get; init; }

    public short PetSkill { get; init; }
}

public static class ItemKinds
{
    /// <summary>The inventory (1 equip … 5 cash) an item id belongs to.</summary>
    public static int InventoryOf(int templateId) => templateId / 1_000_000;

    /// <summary>Throwing stars (207xxxx) and bullets (233xxxx) carry the recharge serial.</summary>
    public static bool IsRechargeable(int templateId) => templateId / 10_000 is 207 or 233;
}
