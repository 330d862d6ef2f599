using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>The GW_ItemSlotBase records [C§5.3–§5.6], written with or without their slot prefix [C§5.2].</summary>
public static class ItemRecordWriter
{
    public const byte EquipKind = 1;
    public const byte StackableKind = 2;
    public const byte PetKind = 3;
    public const int PetNameLength = 13;
    public const int PetRemainLife = 18_000;

    private const byte CashEquipFiller = 0x40;
    private const int CashEquipFillerLength = 10;

    /// <summary>The int16 wire slot of an equip: |position|, minus 100 for cash-equip positions (−101 → 1).</summary>
    public static short EquipWireSlot(short position)
    {
        var slot = Math.Abs((int)position);
        return (short)(slot > 100 ? slot - 100 : slot);
    }

    public static void WriteEquip(PacketWriter writer, EquipItem item, FieldLayout layout, bool withSlot = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(layout);
        if (withSlot)
            writer.WriteInt16(EquipWireSlot(item.Position));
        writer.WriteByte(EquipKind).WriteInt32(item.TemplateId).WriteBool(item.IsCash);
        if (item.IsCash)
            writer.WriteInt64(item.CashSerial);
        writer.WriteFileTime(item.Expiration)
            .WriteByte(item.UpgradeSlots)
            .WriteByte(item.UpgradesApplied);
        if (layout.IsJapan)
            writer.WriteByte(0);
        writer.WriteInt16(item.Strength)
            .WriteInt16(item.Dexterity)
            .WriteInt16(item.Intelligence)
            .WriteInt16(item.Luck)
            .WriteInt16(item.MaxHp)
            .WriteInt16(item.MaxMp)
            .WriteInt16(item.WeaponAttack)
            .WriteInt16(item.MagicAttack)
            .WriteInt16(item.WeaponDefense)
            .WriteInt16(item.MagicDefense)
            .WriteInt16(item.Accuracy)
            .WriteInt16(item.Avoidability)
            .WriteInt16(item.Hands)
            .WriteInt16(item.Speed)
            .WriteInt16(item.Jump)
            .WriteString(item.Owner)
            .WriteInt16(item.Flag);
        if (item.IsCash)
        {
            for (var i = 0; i < CashEquipFillerLength; i++)
                writer.WriteByte(CashEquipFiller);
        }
        else
        {
            writer.WriteByte(item.LevelUpType)
                .WriteByte(item.ItemLevel)
                .WriteInt32(item.ItemExperience);
            if (layout.HasEquipDurability)
                writer.WriteInt32(-1);
            writer.WriteInt32(item.ViciousHammers);
            if (layout.IsJapan)
                writer.WriteByte(0).WriteZeroes(5 * sizeof(short)).WriteInt32(0);
            writer.WriteInt64(0);
        }

        writer.WriteFileTime(PacketTime.ZeroTime).WriteInt32(-1);
    }

    public static void WriteStackable(PacketWriter writer, StackableItem item, bool withSlot = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        if (withSlot)
            writer.WriteByte(item.Position);
        writer.WriteByte(StackableKind)
            .WriteInt32(item.TemplateId)
            .WriteBool(false)
            .WriteFileTime(item.Expiration)
            .WriteInt16(item.Quantity)
            .WriteString(item.Owner)
            .WriteInt16(item.Flag);
        if (ItemKinds.IsRechargeable(item.TemplateId))
            writer.WriteInt64(item.RechargeSerial);
    }

    public static void WriteCash(PacketWriter writer, CashItem item, bool withSlot = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        if (withSlot)
            writer.WriteByte(item.Position);
        writer.WriteByte(StackableKind)
            .WriteInt32(item.TemplateId)
            .WriteBool(true)
            .WriteInt64(item.CashSerial)
            .WriteFileTime(item.Expiration)
            .WriteInt16(item.Quantity)
            .WriteString(item.Owner)
            .WriteInt16(item.Flag);
    }

    /// <param name="now">Server time, to tell an elapsed dead date from a future one.</param>
    public static void WritePet(PacketWriter writer, PetItem item, DateTimeOffset now, bool withSlot = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        if (withSlot)
            writer.WriteByte(item.Position);
        writer.WriteByte(PetKind)
            .WriteInt32(item.TemplateId)
            .WriteBool(true)
            .WriteInt64(item.PetSerial)
            .WriteFileTime(PacketTime.Unset) // the item expiration, ignored by the client for pets (Atlas −1)
            .WritePaddedString(item.Name, PetNameLength)
            .WriteByte(item.Level)
            .WriteInt16(item.Closeness)
            .WriteByte(item.Fullness)
            .WriteFileTime(DeadDate(item.DeadDate, now))
            .WriteInt16(0)
            .WriteInt16(item.PetSkill)
            .WriteInt32(PetRemainLife)
            .WriteInt16(0);
    }

    public static void WriteCashInventoryItem(PacketWriter writer, CashInventoryItem item, DateTimeOffset now, bool withSlot = true)
    {
        switch (item)
        {
            case PetItem pet:
                WritePet(writer, pet, now, withSlot);
                break;
            case CashItem cash:
                WriteCash(writer, cash, withSlot);
                break;
            default:
                throw new ArgumentException($"unknown cash inventory item {item?.GetType().Name}", nameof(item));
        }
    }

    /// <summary>
    /// The pet dead date is a state marker [C§5.7]: the v83 client treats any value ≥ 2079-01-01 as "dried up".
    /// None → 0 (never −1, which would kill the pet); elapsed → exactly that threshold; future → the date.
    /// </summary>
    public static long DeadDate(DateTimeOffset? deadDate, DateTimeOffset now) => deadDate switch
    {
        null => 0,
        { } date when date <= now => PacketTime.NoExpiry,
        { } date => PacketTime.ToFileTime(date),
    };
}
