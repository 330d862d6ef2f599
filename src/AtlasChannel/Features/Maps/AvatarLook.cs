using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Maps;

/// <summary>AvatarLook [C§3]: the drawn look of a character, built from its equipped items as Cosmic does.</summary>
public static class AvatarLook
{
    private const int CashWeaponSlot = 111;

    /// <param name="lookFlag">1 for spawn / appearance update, 0 for messenger and avatar megaphone.</param>
    public static void Write(PacketWriter writer, CharacterSnapshot character, bool lookFlag = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(character);
        var stats = character.Stats;
        writer.WriteByte(stats.Gender).WriteByte(stats.Skin).WriteInt32(stats.Face).WriteBool(lookFlag).WriteInt32(stats.Hair);

        Span<int> visible = stackalloc int[100];
        Span<int> masked = stackalloc int[100];
        var weaponSticker = 0;
        // Regular equips first, then cash equips over them, so the result does not depend on the snapshot's order.
        foreach (var item in character.Inventory.Equipped)
        {
            var slot = -item.Position;
            if (slot is > 0 and < 100 && item.TemplateId != 0)
            {
                if (visible[slot] == 0)
                    visible[slot] = item.TemplateId;
                else
                    masked[slot] = item.TemplateId;
            }
        }

        foreach (var item in character.Inventory.Equipped)
        {
            var slot = -item.Position;
            if (slot == CashWeaponSlot)
            {
                // Cosmic: the cash weapon is only the sticker; visible slot 11 stays the real weapon (attack animation).
                weaponSticker = item.TemplateId;
                continue;
            }

            if (slot is <= 100 or >= 200)
                continue;
            slot -= 100;
            if (visible[slot] != 0)
                masked[slot] = visible[slot];
            visible[slot] = item.TemplateId;
        }

        WriteList(writer, visible);
        WriteList(writer, masked);
        writer.WriteInt32(weaponSticker);

        Span<int> pets = stackalloc int[3];
        foreach (var pet in character.Pets)
        {
            if (pet.Slot is >= 0 and < 3)
                pets[pet.Slot] = pet.TemplateId;
        }

        writer.WriteInt32(pets[0]).WriteInt32(pets[1]).WriteInt32(pets[2]);
    }

    private static void WriteList(PacketWriter writer, ReadOnlySpan<int> slots)
    {
        for (var slot = 1; slot < slots.Length; slot++)
        {
            if (slots[slot] != 0)
                writer.WriteByte((byte)slot).WriteInt32(slots[slot]);
        }

        writer.WriteByte(0xFF);
    }
}
