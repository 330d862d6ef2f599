using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>CharacterData (field.md §1.2): the whole character inside SetField and CashShopOpen.</summary>
public static class CharacterDataWriter
{
    /// <summary>All sections present.</summary>
    public const long AllSections = -1;

    /// <param name="now">Server time: cool-downs still running and pet dead dates are judged against it.</param>
    public static void Write(PacketWriter writer, CharacterSnapshot character, FieldLayout layout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(character);
        ArgumentNullException.ThrowIfNull(layout);

        writer.WriteInt64(AllSections).WriteByte(0); // dbcharFlag, SN-list count
        CharacterStatWriter.Write(writer, character.Stats, layout);
        writer.WriteByte(character.BuddyCapacity)
            .WriteBool(false) // no linked character name
            .WriteInt32(character.Meso);
        if (layout.IsJapan)
            writer.WriteInt32(character.Stats.Id).WriteInt32(0).WriteInt32(0);

        WriteInventory(writer, character.Inventory, layout, now);
        WriteSkills(writer, character.Skills, layout, now);
        WriteQuests(writer, character, layout);

        writer.WriteInt16(0) // mini-game records
            .WriteInt16(0) // crush rings
            .WriteInt16(0) // friendship rings
            .WriteInt16(0); // marriage
        WriteTeleportRocks(writer, character.TeleportRockMaps, CharacterDefaults.TeleportRockSlots);
        WriteTeleportRocks(writer, character.VipTeleportRockMaps, CharacterDefaults.VipTeleportRockSlots);
        if (layout.IsJapan)
            writer.WriteInt16(0);

        if (layout.HasMonsterBook)
        {
            writer.WriteInt32(character.MonsterBook.CoverCardId)
                .WriteByte(0) // mode 0: the card list follows
                .WriteInt16(checked((short)character.MonsterBook.Cards.Count));
            foreach (var card in character.MonsterBook.Cards)
                writer.WriteInt16(card.CardIndex).WriteByte(card.Level);
        }

        if (layout.IsJapan)
        {
            writer.WriteInt16(0); // replaces the new-year-card and area-info counts
        }
        else
        {
            writer.WriteInt16(0) // new-year cards
                .WriteInt16(0); // area info
        }

        writer.WriteInt16(0);
    }

    /// <summary>Cool-downs the client should show: seconds left, rounded up, for those still running at <paramref name="now"/>.</summary>
    public static IEnumerable<(int SkillId, short SecondsRemaining)> RunningCooldowns(IEnumerable<CharacterSkill> skills, DateTimeOffset now) =>
        skills.Where(s => s.CooldownExpiresAt > now)
            .Select(s => (s.SkillId, (short)Math.Min(Math.Ceiling((s.CooldownExpiresAt!.Value - now).TotalSeconds), short.MaxValue)));

    private static void WriteInventory(PacketWriter writer, CharacterInventory inventory, FieldLayout layout, DateTimeOffset now)
    {
        var capacities = inventory.Capacities;
        writer.WriteByte(capacities.Equip)
            .WriteByte(capacities.Use)
            .WriteByte(capacities.Setup)
            .WriteByte(capacities.Etc)
            .WriteByte(capacities.Cash)
            .WriteFileTime(PacketTime.ZeroTime);

        // Positions −100 and ≤ −200 have no wire slot (−100 would be written as the 0 terminator); they are skipped.
        foreach (var item in inventory.Equipped.Where(e => e.Position is < 0 and > -100))
            ItemRecordWriter.WriteEquip(writer, item, layout);
        writer.WriteInt16(0);
        foreach (var item in inventory.Equipped.Where(e => e.Position is < -100 and > -200))
            ItemRecordWriter.WriteEquip(writer, item, layout);
        writer.WriteInt16(0);
        foreach (var item in inventory.Equips.Where(e => e.Position > 0))
            ItemRecordWriter.WriteEquip(writer, item, layout);
        writer.WriteInt32(0); // equip-inventory terminator plus the always-empty extra equip loop

        WriteStackables(writer, inventory.Use);
        WriteStackables(writer, inventory.Setup);
        WriteStackables(writer, inventory.Etc);
        foreach (var item in inventory.Cash)
            ItemRecordWriter.WriteCashInventoryItem(writer, item, now);
        writer.WriteByte(0);
    }

    private static void WriteStackables(PacketWriter writer, IEnumerable<StackableItem> items)
    {
        foreach (var item in items)
            ItemRecordWriter.WriteStackable(writer, item);
        writer.WriteByte(0);
    }

    private static void WriteSkills(PacketWriter writer, ValueList<CharacterSkill> skills, FieldLayout layout, DateTimeOffset now)
    {
        writer.WriteInt16(checked((short)skills.Count));
        foreach (var skill in skills)
        {
            writer.WriteInt32(skill.SkillId).WriteInt32(skill.Level).WriteFileTime(skill.Expiration);
            if (SkillRules.NeedsMasterLevel(skill.SkillId, layout.Version))
                writer.WriteInt32(skill.MasterLevel);
        }

        var cooldowns = RunningCooldowns(skills, now).ToList();
        writer.WriteInt16(checked((short)cooldowns.Count));
        foreach (var (skillId, seconds) in cooldowns)
            writer.WriteInt32(skillId).WriteInt16(seconds);
    }

    private static void WriteQuests(PacketWriter writer, CharacterSnapshot character, FieldLayout layout)
    {
        writer.WriteInt16(checked((short)character.StartedQuests.Count));
        foreach (var quest in character.StartedQuests)
            writer.WriteInt16(quest.QuestId).WriteString(quest.Progress);
        if (layout.IsJapan)
            writer.WriteInt16(0);
        writer.WriteInt16(checked((short)character.CompletedQuests.Count));
        foreach (var quest in character.CompletedQuests)
            writer.WriteInt16(quest.QuestId).WriteFileTime(quest.CompletedAt);
    }

    private static void WriteTeleportRocks(PacketWriter writer, ValueList<int> maps, int slots)
    {
        for (var i = 0; i < slots; i++)
            writer.WriteInt32(i < maps.Count ? maps[i] : CharacterDefaults.EmptyTeleportRockMap);
    }
}
