using AtlasChannel.Features.Field;
using AtlasChannel.Protocol.Packets;
using static AtlasChannel.Tests.Field.Fixtures;

namespace AtlasChannel.Tests.Field;

/// <summary>The 222-byte CharacterData example of field.md §1.2 and the version rows of its difference table.</summary>
public sealed class CharacterDataVectorTests
{
    // The example's lines, verbatim from the spec.
    private const string Flags = "FF FF FF FF FF FF FF FF 00";
    private static readonly string StatsBody =
        "E8 03 00 00 54 65 73 74 43 68 61 72 00 00 00 00 00 00 01 " + "20 4E 00 00 30 75 00 00 " + Hex.Repeat("00", 24) + " " +
        "32 38 01 64 00 32 00 1E 00 14 00 88 13 88 13 B8 0B B8 0B " + "05 00 03 00 50 C3 00 00 0A 00 00 00 00 00 " + "00 E1 F5 05 00";
    private const string StatsTrailingInt = "00 00 00 00";
    private const string BuddyLinkedName = "14 00";
    private const string Meso = "A0 86 01 00";
    private const string Inventory = "18 18 18 18 18 00 40 E0 FD 3B 37 4F 01 00 00 00 00 00 00 00 00 00 00 00 00";
    private const string SkillsCooldowns = "00 00 00 00";
    private const string StartedQuests = "00 00";
    private const string CompletedQuests = "00 00";
    private const string MiniGameAndRings = "00 00 00 00 00 00 00 00";
    private static readonly string TeleportRocks = Hex.Repeat("FF C9 9A 3B", 15);
    private const string MonsterBook = "00 00 00 00 00 00 00";
    private const string NewYearAndArea = "00 00 00 00";
    private const string Trailer = "00 00";

    private static string V83Expected => string.Join(' ', Flags, StatsBody, StatsTrailingInt, BuddyLinkedName, Meso, Inventory,
        SkillsCooldowns, StartedQuests, CompletedQuests, MiniGameAndRings, TeleportRocks, MonsterBook, NewYearAndArea, Trailer);

    private static byte[] Encode(Protocol.ClientVersion version)
    {
        using var writer = new PacketWriter();
        CharacterDataWriter.Write(writer, TestChar(), FieldLayout.For(version), ServerTime);
        return writer.ToArray();
    }

    [Fact]
    public void V83_example_is_reproduced_byte_for_byte()
    {
        var bytes = Encode(V83);
        Assert.Equal(222, bytes.Length);
        Assert.Equal(Hex.Normal(V83Expected), Hex.Of(bytes));
    }

    [Fact]
    public void V84_without_items_is_laid_out_like_v83()
    {
        Assert.Equal(Hex.Normal(V83Expected), Hex.Of(Encode(V84)));
    }

    [Fact]
    public void V84_Evan_sends_an_empty_extended_SP_block_instead_of_the_int16()
    {
        // Job 2200 (0x0898) in place of 312, and "byte count 0" in place of "int16 SP 3".
        var stats = StatsBody.Replace("32 38 01", "32 98 08", StringComparison.Ordinal).Replace("05 00 03 00 50 C3", "05 00 00 50 C3", StringComparison.Ordinal);
        var expected = string.Join(' ', Flags, stats, StatsTrailingInt, BuddyLinkedName, Meso, Inventory,
            SkillsCooldowns, StartedQuests, CompletedQuests, MiniGameAndRings, TeleportRocks, MonsterBook, NewYearAndArea, Trailer);
        var evan = TestChar() with { Stats = TestChar().Stats with { Job = 2200 } };
        using var writer = new PacketWriter();
        CharacterDataWriter.Write(writer, evan, FieldLayout.For(V84), ServerTime);
        Assert.Equal(Hex.Normal(expected), Hex.Of(writer.WrittenSpan));
    }

    [Fact]
    public void V87_adds_the_int16_sub_job_after_the_stats()
    {
        var expected = string.Join(' ', Flags, StatsBody, StatsTrailingInt, "00 00", BuddyLinkedName, Meso, Inventory,
            SkillsCooldowns, StartedQuests, CompletedQuests, MiniGameAndRings, TeleportRocks, MonsterBook, NewYearAndArea, Trailer);
        var bytes = Encode(V87);
        Assert.Equal(224, bytes.Length);
        Assert.Equal(Hex.Normal(expected), Hex.Of(bytes));
    }

    [Fact]
    public void V95_has_the_sub_job_and_no_monster_book()
    {
        var expected = string.Join(' ', Flags, StatsBody, StatsTrailingInt, "00 00", BuddyLinkedName, Meso, Inventory,
            SkillsCooldowns, StartedQuests, CompletedQuests, MiniGameAndRings, TeleportRocks, NewYearAndArea, Trailer);
        var bytes = Encode(V95);
        Assert.Equal(217, bytes.Length);
        Assert.Equal(Hex.Normal(expected), Hex.Of(bytes));
    }

    [Fact]
    public void Jms_has_its_stat_tail_character_id_block_and_extra_shorts()
    {
        // Stats: field 25 replaced by int16 0, int64 0, 3 × int32 0. After meso: id 1000, 0, 0. int16 0 after the
        // started quests and after the VIP rocks; one int16 in place of the new-year and area counts.
        var expected = string.Join(' ', Flags, StatsBody, "00 00", Hex.Repeat("00", 8), Hex.Repeat("00", 12), BuddyLinkedName, Meso,
            "E8 03 00 00 00 00 00 00 00 00 00 00", Inventory, SkillsCooldowns, StartedQuests, "00 00", CompletedQuests,
            MiniGameAndRings, TeleportRocks, "00 00", MonsterBook, "00 00", Trailer);
        Assert.Equal(Hex.Normal(expected), Hex.Of(Encode(Jms185)));
    }

    [Fact]
    public void Reader_decodes_the_spec_example_back_to_the_fixture_character()
    {
        var decoded = CharacterDataReader.Read(Hex.Bytes(V83Expected), V83);
        Assert.Equal(TestChar().Stats, decoded.Stats);
        Assert.Equal(20, decoded.BuddyCapacity);
        Assert.Null(decoded.LinkedName);
        Assert.Equal(100000, decoded.Meso);
        Assert.Equal(new Features.Characters.InventoryCapacities(24, 24, 24, 24, 24), decoded.Inventory.Capacities);
        Assert.Empty(decoded.Inventory.Equipped);
        Assert.Empty(decoded.Skills);
        Assert.All(decoded.TeleportRockMaps.Concat(decoded.VipTeleportRockMaps), map => Assert.Equal(999999999, map));
        Assert.Equal(new Features.Characters.MonsterBook(0, Features.Characters.ValueList.Empty<Features.Characters.MonsterCard>()), decoded.MonsterBook);
    }

    [Fact]
    public void Reader_rejects_a_truncated_block()
    {
        var bytes = Hex.Bytes(V83Expected)[..150];
        Assert.Throws<PacketReadException>(() => CharacterDataReader.Read(bytes, V83));
    }

    [Fact]
    public void Versions_before_v83_are_refused_rather_than_mis_encoded()
    {
        Assert.Throws<NotSupportedException>(() => FieldLayout.For(new Protocol.ClientVersion("GMS", 79, 1)));
    }
}

public sealed class CharacterDataSectionTests
{
    [Fact]
    public void Equipped_items_go_to_the_regular_or_cash_section_by_position()
    {
        var weapon = new Features.Characters.EquipItem { Position = -11, TemplateId = 1302000 };
        var cashCap = new Features.Characters.EquipItem { Position = -101, TemplateId = 1002186, IsCash = true, CashSerial = 1 };
        var invalid = new Features.Characters.EquipItem { Position = -100, TemplateId = 1002000 };
        var character = TestChar() with
        {
            Inventory = Features.Characters.CharacterInventory.Empty with { Equipped = Features.Characters.ValueList.Of(cashCap, invalid, weapon) },
        };
        using var writer = new PacketWriter();
        CharacterDataWriter.Write(writer, character, FieldLayout.For(V83), ServerTime);
        var bytes = writer.WrittenSpan;
        const int firstSection = 9 + 93 + 6 + 13;
        // Regular section: weapon at wire slot 11, then the terminator; cash section: cap at wire slot 1, terminator.
        Assert.Equal("0B0001F0DD1300", Hex.Of(bytes.Slice(firstSection, 7)));
        Assert.Equal("0000", Hex.Of(bytes.Slice(firstSection + 82, 2)));
        Assert.Equal("010001CA4A0F00", Hex.Of(bytes.Slice(firstSection + 84, 7)));
        Assert.Equal("0000", Hex.Of(bytes.Slice(firstSection + 84 + 82, 2)));
        Assert.Equal(222 + 82 + 82, bytes.Length); // the −100 item has no wire slot and is left out
    }
}
