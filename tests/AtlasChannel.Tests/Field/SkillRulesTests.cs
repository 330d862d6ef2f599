using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Field;
using AtlasChannel.Protocol.Packets;
using static AtlasChannel.Tests.Field.Fixtures;

namespace AtlasChannel.Tests.Field;

public sealed class SkillRulesTests
{
    [Theory]
    [InlineData(1121002, true)] // Hero (112), the spec's example
    [InlineData(2121004, true)] // F/P Arch Mage (212)
    [InlineData(3221001, true)] // Marksman (322)
    [InlineData(1001003, false)] // 1st job (100): job % 100 == 0
    [InlineData(2101004, false)] // 2nd job (210)
    [InlineData(2111002, false)] // 3rd job (211)
    [InlineData(1003, false)] // beginner (0)
    [InlineData(22121001, true)] // Evan 2212 on v83: the general rule applies (no Evans exist there)
    public void V83_master_level_rule(int skillId, bool expected)
    {
        Assert.Equal(expected, SkillRules.NeedsMasterLevel(skillId, V83));
    }

    [Theory]
    [InlineData(22121001, false)] // Evan 2212: not a "4th job" for Evans
    [InlineData(22170001, true)] // Evan 2217
    [InlineData(22181001, true)] // Evan 2218
    [InlineData(22111001, true)] // listed GMS exception
    [InlineData(22141002, true)]
    [InlineData(22140000, true)]
    [InlineData(1121002, true)] // non-Evan keeps the general rule
    public void V84_Evan_rule(int skillId, bool expected)
    {
        Assert.Equal(expected, SkillRules.NeedsMasterLevel(skillId, V84));
    }

    [Fact]
    public void Jms_has_no_Evan_exception_skills()
    {
        Assert.False(SkillRules.NeedsMasterLevel(22111001, Jms185));
        Assert.True(SkillRules.NeedsMasterLevel(22171001, Jms185));
    }

    [Fact]
    public void Skill_records_carry_the_master_level_only_when_the_rule_says_so()
    {
        var character = TestChar() with
        {
            Skills = ValueList.Of(new CharacterSkill(1121002, 10, 30), new CharacterSkill(1001003, 20, 0)),
        };
        using var writer = new PacketWriter();
        CharacterDataWriter.Write(writer, character, FieldLayout.For(V83), ServerTime);
        // Skill section starts after flags (9), stats (93), buddy/linked/meso (6), capacities+stamp (13), 12 terminator bytes.
        var skills = Hex.Of(writer.WrittenSpan.Slice(9 + 93 + 6 + 13 + 12, 2 + 20 + 16 + 2));
        Assert.Equal(Hex.Normal(
            "02 00" +
            "EA 1A 11 00 0A 00 00 00 FF FF FF FF FF FF FF FF 1E 00 00 00" + // 1121002 lv 10, permanent, master 30
            "2B 46 0F 00 14 00 00 00 FF FF FF FF FF FF FF FF" + // 1001003 lv 20, permanent, no master level
            "00 00"), skills); // no cool-downs
    }
}
