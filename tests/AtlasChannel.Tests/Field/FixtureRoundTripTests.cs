using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Field;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using static AtlasChannel.Tests.Field.Fixtures;

namespace AtlasChannel.Tests.Field;

/// <summary>Sandbox fixture JSON → snapshot → SetField bytes → CharacterDataReader → the same character.</summary>
public sealed class FixtureRoundTripTests
{
    private static readonly DamageSeeds Seeds = new(1, 2, 3);

    private static DecodedSetField RoundTrip(CharacterSnapshot character, ClientVersion version)
    {
        using var writer = new PacketWriter();
        SetFieldPacket.WriteCharacterData(writer, Opcodes(version), version, 0, Seeds, character, ServerTime);
        return SetFieldReader.Read(writer.WrittenSpan, version);
    }

    private static void AssertSameCharacter(CharacterSnapshot expected, DecodedCharacterData decoded, ClientVersion version)
    {
        Assert.Equal(expected.Stats, decoded.Stats);
        Assert.Equal(expected.BuddyCapacity, decoded.BuddyCapacity);
        Assert.Equal(expected.Meso, decoded.Meso);
        Assert.Equal(expected.Inventory, decoded.Inventory);
        Assert.Equal(
            expected.Skills.Select(s => new DecodedSkill(s.SkillId, s.Level, s.Expiration, SkillRules.NeedsMasterLevel(s.SkillId, version) ? s.MasterLevel : null)),
            decoded.Skills);
        Assert.Equal(expected.StartedQuests, decoded.StartedQuests);
        Assert.Equal(expected.CompletedQuests, decoded.CompletedQuests);
        Assert.Equal(expected.TeleportRockMaps, decoded.TeleportRockMaps);
        Assert.Equal(expected.VipTeleportRockMaps, decoded.VipTeleportRockMaps);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void V83_SetField_decodes_back_to_the_fixture_character(int id)
    {
        var character = LoadSandboxCharacter(id);
        var decoded = RoundTrip(character, V83);
        Assert.Equal(0x7D, decoded.Opcode);
        Assert.Equal(Seeds, decoded.Seeds);
        Assert.Equal(ServerTime.ToFileTime(), decoded.ServerTime);
        AssertSameCharacter(character, decoded.Character!, V83);
    }

    [Theory]
    [InlineData("GMS", 84)]
    [InlineData("GMS", 87)]
    [InlineData("GMS", 92)]
    [InlineData("GMS", 95)]
    [InlineData("JMS", 185)]
    public void Other_versions_round_trip_too(string region, ushort major)
    {
        var version = new ClientVersion(region, major, 1);
        foreach (var id in new[] { 1, 2 })
        {
            var character = LoadSandboxCharacter(id);
            AssertSameCharacter(character, RoundTrip(character, version).Character!, version);
        }
    }

    [Fact]
    public void Character_1_maps_the_values_the_fixture_documents()
    {
        var atlas = LoadSandboxCharacter(1);
        Assert.Equal((1, "Atlas", (short)212, (byte)125, (short)3), (atlas.Stats.Id, atlas.Stats.Name, atlas.Stats.Job, atlas.Stats.Level, atlas.Stats.Sp));
        Assert.Equal((short)11250, atlas.Stats.Mp);
        Assert.Equal(15230000, atlas.Meso);
        Assert.Equal(1u, atlas.AccountId);
        // Kitty is summoned in slot 0: its cash serial is in petSn[0] and in the cash-inventory pet record.
        Assert.Equal([100000000123L, 0L, 0L], atlas.Stats.PetSerials);
        var kitty = Assert.IsType<PetItem>(atlas.Inventory.Cash[0]);
        Assert.Equal((100000000123L, "Kitty", (byte)5, (short)120, (byte)100), (kitty.PetSerial, kitty.Name, kitty.Level, kitty.Closeness, kitty.Fullness));
        Assert.IsType<CashItem>(atlas.Inventory.Cash[1]);
        Assert.Equal(new InventoryCapacities(24, 32, 24, 24, 24), atlas.Inventory.Capacities);
        Assert.Equal([-1, -5, -7, -11, -101], atlas.Inventory.Equipped.Select(e => (int)e.Position));
        Assert.True(atlas.Inventory.Equipped.Single(e => e.Position == -101).IsCash);
        Assert.Equal((short)0x01, atlas.Inventory.Equips.Single(e => e.Position == 2).Flag);
        Assert.Equal(500L, atlas.Inventory.Use.Single(u => u.TemplateId == 2070000).RechargeSerial);
        Assert.Equal([new StartedQuest(2050, "003"), new StartedQuest(2051, "001002")], atlas.StartedQuests);
        Assert.Equal([1021, 1000], atlas.CompletedQuests.Select(q => (int)q.QuestId));
    }

    [Fact]
    public void Character_1_SetField_carries_master_levels_cooldowns_and_a_live_pet()
    {
        var decoded = RoundTrip(LoadSandboxCharacter(1), V83).Character!;
        Assert.Equal(30, decoded.Skills.Single(s => s.SkillId == 2121004).MasterLevel);
        Assert.Null(decoded.Skills.Single(s => s.SkillId == 2111002).MasterLevel);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), decoded.Skills.Single(s => s.SkillId == 1003).Expiration);
        Assert.Equal([new DecodedCooldown(2121001, 30)], decoded.Cooldowns);
        var kitty = Assert.IsType<PetItem>(decoded.Inventory.Cash[0]);
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 20, 11, 2, TimeSpan.Zero), kitty.DeadDate);
    }

    [Fact]
    public void Character_2_sends_the_level_0_fourth_job_book_with_its_master_level_and_skips_unstarted_quests()
    {
        var bravo = LoadSandboxCharacter(2);
        Assert.Equal((2u, (byte)2, (short)-2, (byte)1), (bravo.AccountId, bravo.Stats.SpawnPoint, bravo.Stats.Fame, bravo.Stats.Gender));
        Assert.Equal([-105], bravo.Inventory.Equipped.Where(e => e.IsCash).Select(e => (int)e.Position));
        var decoded = RoundTrip(bravo, V83).Character!;
        Assert.Equal(new DecodedSkill(3221001, 0, null, 10), decoded.Skills.Single(s => s.SkillId == 3221001));
        Assert.Empty(decoded.Cooldowns);
        Assert.Equal([new StartedQuest(2071, "017")], decoded.StartedQuests);
        Assert.Equal([new CompletedQuest(2069, new DateTimeOffset(2026, 2, 1, 11, 45, 12, TimeSpan.Zero))], decoded.CompletedQuests);
        Assert.Equal(1L, decoded.Inventory.Use.Single(u => u.TemplateId == 2330000).RechargeSerial);
    }

    [Fact]
    public void An_elapsed_cooldown_is_not_sent()
    {
        var character = LoadSandboxCharacter(1);
        using var writer = new PacketWriter();
        SetFieldPacket.WriteCharacterData(writer, BundledTemplates.Load(V83), V83, 0, Seeds, character, ServerTime.AddMinutes(1));
        Assert.Empty(SetFieldReader.Read(writer.WrittenSpan, V83).Character!.Cooldowns);
    }
}
