using AtlasChannel.Contracts;
using AtlasChannel.Features.Stats;
using AtlasChannel.Packets;
using AtlasChannel.Tests.Sessions;
using static AtlasChannel.Tests.Field.Hex;

namespace AtlasChannel.Tests.Stats;

/// <summary>Packet bodies against field.md §13/§21 and combat-skills.md §12 (v83; opcode included).</summary>
public class StatsPacketTests
{
    private static readonly PacketEncoder Encoder = new(TestSessions.Server(TestSessions.TenantA).Opcodes);

    private static string Encode<T>(string writer, T state, PacketBody<T> body) => Of(Encoder.EncodeToArray(writer, state, body));

    [Fact]
    public void StatChanged_examples_from_field_md_13()
    {
        // Level 120, exclRequest 1; HP 1000, exclRequest 0; enable actions.
        Assert.Equal(Normal("1F 00 01 10 00 00 00 78 00"), Encode(StatsWriters.StatChanged, new StatChange(true, [new("LEVEL", 120)]), StatChangedPacket.Body));
        Assert.Equal(Normal("1F 00 00 00 04 00 00 E8 03 00"), Encode(StatsWriters.StatChanged, new StatChange(false, [new("HP", 1000)]), StatChangedPacket.Body));
        Assert.Equal(Normal("1F 00 01 00 00 00 00 00"), Encode(StatsWriters.StatChanged, StatChange.EnableActions, StatChangedPacket.Body));
    }

    [Fact]
    public void StatChanged_masks_come_from_the_template_and_values_follow_the_client_read_order()
    {
        // Template statistics: HAIR index 2 (0x4), MESO index 18 (0x40000), PET_SN_2 index 19 (0x80000).
        // Client order: HAIR, PET_SN_2 (right after the hair, not after MESO as Atlas writes it), MESO.
        var change = new StatChange(false, [new("MESO", 152300), new("PET_SN_2", 0x0102030405060708), new("HAIR", 30030)]);
        Assert.Equal(
            Normal("1F 00 00 04 00 0C 00 | 4E 75 00 00 | 08 07 06 05 04 03 02 01 | EC 52 02 00 | 00".Replace("|", "", StringComparison.Ordinal)),
            Encode(StatsWriters.StatChanged, change, StatChangedPacket.Body));
    }

    [Fact]
    public void StatChanged_unknown_stat_names_set_no_bit_and_write_no_value()
    {
        var change = new StatChange(true, [new("NOT_A_STAT", 7), new("FAME", -2)]);
        Assert.Equal(Normal("1F 00 01 00 00 02 00 FE FF 00"), Encode(StatsWriters.StatChanged, change, StatChangedPacket.Body));
    }

    [Fact]
    public void Increase_experience_example_from_field_md_21_3()
    {
        var gain = ExperienceGain.From([new ExperienceDistribution { ExperienceType = "WHITE", Amount = 500 }]);
        var expected = "27 00 03 01 F4 01 00 00" + " 00" + Repeat("00", 4) + " 00 00" + Repeat(" 00", 4) + " 00" + Repeat(" 00", 4) + Repeat(" 00", 12);
        var bytes = Encode(StatsWriters.StatusMessage, gain, StatusMessagePacket.IncreaseExperience);
        Assert.Equal(Normal(expected), bytes);
        Assert.Equal(2 + 34, bytes.Length / 2);
    }

    [Fact]
    public void Increase_experience_conditional_fields_play_time_and_quest_bonus()
    {
        // CHAT 100 ⇒ inChat (quest-bonus byte present); PLAY_TIME 10 % hour 2 ⇒ play-time hour present;
        // SPIRIT_WEEK 5 ⇒ quest bonus rate 5, so the remain-count byte follows.
        var gain = ExperienceGain.From(
        [
            new ExperienceDistribution { ExperienceType = "CHAT", Amount = 100 },
            new ExperienceDistribution { ExperienceType = "PLAY_TIME", Amount = 10, Attr1 = 2 },
            new ExperienceDistribution { ExperienceType = "SPIRIT_WEEK", Amount = 5 },
        ]);
        Assert.Equal(
            Normal("27 00 03 00 64 00 00 00 01 00 00 00 00 0A 00 00 00 00 00 02 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
            Encode(StatsWriters.StatusMessage, gain, StatusMessagePacket.IncreaseExperience));
    }

    [Fact]
    public void Increase_meso_and_level_up_bodies()
    {
        Assert.Equal(Normal("27 00 05 B0 04 00 00"), Encode(StatsWriters.StatusMessage, 1200, StatusMessagePacket.IncreaseMeso));
        Assert.Equal(Normal("CE 00 00"), Encode(StatsWriters.Effect, 12345, LevelUpEffectPacket.Local));
        Assert.Equal(Normal("C6 00 39 30 00 00 00"), Encode(StatsWriters.EffectForeign, 12345, LevelUpEffectPacket.Foreign));
    }
}
