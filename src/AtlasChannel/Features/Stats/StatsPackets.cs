using System.Globalization;
using System.Text.Json;
using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Stats;

/// <summary>Writer names of the packets this feature sends.</summary>
public static class StatsWriters
{
    public const string StatChanged = "StatChanged";
    public const string StatusMessage = "CharacterStatusMessage";
    public const string Effect = "CharacterEffect";
    public const string EffectForeign = "CharacterEffectForeign";
    public const string PartyMemberHp = "PartyMemberHP";
}

/// <summary>One stat of a <c>StatChanged</c>: its <c>stat.Type</c> name and value (written at the stat's wire width).</summary>
public readonly record struct StatValue(string Name, long Value);

/// <summary><c>StatChanged</c> contents: exclRequest flag and the stats, in any order.</summary>
public sealed record StatChange(bool ExclRequest, IReadOnlyList<StatValue> Values)
{
    /// <summary>"Enable actions": nothing changed, the client's input is unlocked.</summary>
    public static StatChange EnableActions { get; } = new(true, []);
}

/// <summary>
/// <c>StatChanged</c> (field.md §13). The mask bit of a stat is its index in the template's <c>statistics</c> list;
/// the values follow the client's read order (<c>GW_CharacterStat::DecodeChangeStat</c>), which reads the three pet
/// serials together after HAIR. Atlas writes values in bit order, putting PET_SN_2/3 after MESO (wrong whenever
/// those bits are sent); this follows the client.
/// </summary>
public static class StatChangedPacket
{
    private enum Width : byte { Byte, Int16, Pool, Int32, Int64 }

    // Client read order (v83). Pool = HP/MAX_HP/MP/MAX_MP: int16 up to v94, int32 from v95.
    private static readonly (string Name, Width Width)[] ReadOrder =
    [
        ("SKIN", Width.Byte), ("FACE", Width.Int32), ("HAIR", Width.Int32),
        ("PET_SN_1", Width.Int64), ("PET_SN_2", Width.Int64), ("PET_SN_3", Width.Int64),
        ("LEVEL", Width.Byte), ("JOB", Width.Int16),
        ("STRENGTH", Width.Int16), ("DEXTERITY", Width.Int16), ("INTELLIGENCE", Width.Int16), ("LUCK", Width.Int16),
        ("HP", Width.Pool), ("MAX_HP", Width.Pool), ("MP", Width.Pool), ("MAX_MP", Width.Pool),
        ("AVAILABLE_AP", Width.Int16), ("AVAILABLE_SP", Width.Int16),
        ("EXPERIENCE", Width.Int32), ("FAME", Width.Int16), ("MESO", Width.Int32), ("GACHAPON_EXPERIENCE", Width.Int32),
    ];

    public static readonly PacketBody<StatChange> Body = static (writer, in context, change) => Write(writer, context, change);

    public static void Write(PacketWriter writer, in WriterContext context, StatChange change)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(change);
        uint mask = 0;
        foreach (var (name, _) in ReadOrder)
        {
            if (Find(change.Values, name) is not null)
                mask |= Bit(context, name);
        }

        writer.WriteBool(change.ExclRequest);
        writer.WriteUInt32(mask);
        var wideHp = context.Version.Major >= 95;
        foreach (var (name, width) in ReadOrder)
        {
            if (Find(change.Values, name) is not { } stat || (mask & Bit(context, name)) == 0)
                continue;
            var value = stat.Value;
            switch (width)
            {
                case Width.Byte: writer.WriteByte(unchecked((byte)value)); break;
                case Width.Int16: writer.WriteInt16(unchecked((short)value)); break;
                case Width.Pool when wideHp: writer.WriteInt32(unchecked((int)value)); break;
                case Width.Pool: writer.WriteInt16(unchecked((short)value)); break;
                case Width.Int32: writer.WriteInt32(unchecked((int)value)); break;
                default: writer.WriteInt64(value); break;
            }
        }

        writer.WriteByte(0); // secondaryStatChanged: read by the client only for pet bits; always safe
        if (wideHp)
            writer.WriteByte(0); // v95 battle recovery info
    }

    private static StatValue? Find(IReadOnlyList<StatValue> values, string name)
    {
        for (var i = values.Count - 1; i >= 0; i--) // the last duplicate wins
        {
            if (values[i].Name == name)
                return values[i];
        }

        return null;
    }

    private static uint Bit(in WriterContext context, string name)
    {
        if (context.Binding.Options is not { ValueKind: JsonValueKind.Object } options
            || !options.TryGetProperty("statistics", out var statistics)
            || statistics.ValueKind != JsonValueKind.Array)
            return 0;
        var index = 0;
        foreach (var entry in statistics.EnumerateArray())
        {
            if (index >= 32)
                break;
            if (entry.ValueKind == JsonValueKind.String && entry.ValueEquals(name))
                return 1u << index;
            index++;
        }

        return 0;
    }
}

/// <summary>The value of each <c>stat.Type</c> from a freshly read character (character.md, STAT_CHANGED).</summary>
public static class StatSource
{
    public static long ValueOf(string name, CharacterAttributes character, CharacterSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(character);
        return name switch
        {
            "SKIN" => character.SkinColor,
            "FACE" => character.Face,
            "HAIR" => character.Hair,
            "PET_SN_1" => PetSerial(snapshot, 0),
            "PET_SN_2" => PetSerial(snapshot, 1),
            "PET_SN_3" => PetSerial(snapshot, 2),
            "LEVEL" => character.Level,
            "JOB" => character.JobId,
            "STRENGTH" => character.Strength,
            "DEXTERITY" => character.Dexterity,
            "INTELLIGENCE" => character.Intelligence,
            "LUCK" => character.Luck,
            "HP" => character.Hp,
            "MAX_HP" => character.MaxHp,
            "MP" => character.Mp,
            "MAX_MP" => character.MaxMp,
            "AVAILABLE_AP" => character.Ap,
            "AVAILABLE_SP" => character.SkillPoints is [var first, ..] ? first : 0,
            "EXPERIENCE" => character.Experience,
            "FAME" => character.Fame,
            "MESO" => character.Meso,
            "GACHAPON_EXPERIENCE" => character.GachaponExperience,
            _ => 0,
        };
    }

    /// <summary>The snapshot with every stat the character read carries (so later packets, e.g. a warp, agree).</summary>
    public static CharacterSnapshot Refresh(CharacterSnapshot snapshot, CharacterAttributes character)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(character);
        return snapshot with
        {
            Meso = unchecked((int)character.Meso),
            Stats = snapshot.Stats with
            {
                Skin = character.SkinColor,
                Face = unchecked((int)character.Face),
                Hair = unchecked((int)character.Hair),
                Level = character.Level,
                Job = unchecked((short)character.JobId),
                Strength = unchecked((short)character.Strength),
                Dexterity = unchecked((short)character.Dexterity),
                Intelligence = unchecked((short)character.Intelligence),
                Luck = unchecked((short)character.Luck),
                Hp = unchecked((short)character.Hp),
                MaxHp = unchecked((short)character.MaxHp),
                Mp = unchecked((short)character.Mp),
                MaxMp = unchecked((short)character.MaxMp),
                Ap = unchecked((short)character.Ap),
                Sp = character.SkillPoints is [var first, ..] ? unchecked((short)first) : (short)0,
                Experience = unchecked((int)character.Experience),
                Fame = character.Fame,
                GachaponExperience = unchecked((int)character.GachaponExperience),
            },
        };
    }

    private static long PetSerial(CharacterSnapshot? snapshot, int slot) =>
        snapshot is { } s && slot < s.Stats.PetSerials.Count ? s.Stats.PetSerials[slot] : 0;
}

/// <summary>The INCREASE_EXPERIENCE body (field.md §21.3) built from EXPERIENCE_CHANGED distributions.</summary>
public sealed record ExperienceGain
{
    public bool White { get; init; }
    public int Amount { get; init; }
    public bool InChat { get; init; }
    public int MonsterBookBonus { get; init; }
    public byte MobEventBonusPercent { get; init; }
    public byte PartyBonusPercent { get; init; }
    public int WeddingBonus { get; init; }
    public byte PlayTimeHour { get; init; }
    public byte QuestBonusRate { get; init; }
    public byte QuestBonusRemainCount { get; init; }
    public byte PartyBonusEventRate { get; init; }
    public int PartyBonus { get; init; }
    public int ItemBonus { get; init; }
    public int InternetCafeBonus { get; init; }
    public int RainbowWeekBonus { get; init; }
    public int PartyRingBonus { get; init; }
    public int CakePieBonus { get; init; }

    /// <summary>character.md's distribution table; the last matching entry wins. Unknown types (e.g. DEATH) are ignored.</summary>
    public static ExperienceGain From(IReadOnlyList<ExperienceDistribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        var gain = new ExperienceGain();
        foreach (var d in distributions)
        {
            var amount = unchecked((int)d.Amount);
            gain = d.ExperienceType switch
            {
                "WHITE" => gain with { White = true, Amount = amount },
                "YELLOW" => gain with { White = false, Amount = amount },
                "CHAT" => gain with { InChat = true, Amount = amount },
                "MONSTER_BOOK" => gain with { MonsterBookBonus = amount },
                "MONSTER_EVENT" => gain with { MobEventBonusPercent = unchecked((byte)d.Amount) },
                "PLAY_TIME" => gain with { MobEventBonusPercent = unchecked((byte)d.Amount), PlayTimeHour = unchecked((byte)d.Attr1) },
                "WEDDING" => gain with { WeddingBonus = amount },
                "SPIRIT_WEEK" => gain with { QuestBonusRate = unchecked((byte)d.Amount) },
                "PARTY" => gain with { PartyBonus = amount, PartyBonusEventRate = unchecked((byte)d.Attr1) },
                "ITEM" => gain with { ItemBonus = amount },
                "INTERNET_CAFE" => gain with { InternetCafeBonus = amount },
                "RAINBOW_WEEK" => gain with { RainbowWeekBonus = amount },
                "PARTY_RING" => gain with { PartyRingBonus = amount },
                "CAKE_PIE" => gain with { CakePieBonus = amount },
                _ => gain,
            };
        }

        return gain;
    }
}

/// <summary><c>CharacterStatusMessage</c> (field.md §21) arms this feature sends.</summary>
public static class StatusMessagePacket
{
    public static readonly PacketBody<ExperienceGain> IncreaseExperience = static (writer, in context, gain) =>
    {
        writer.WriteByte(TemplateOptions.Operation(context, "INCREASE_EXPERIENCE"));
        writer.WriteBool(gain.White);
        writer.WriteInt32(gain.Amount);
        writer.WriteBool(gain.InChat);
        writer.WriteInt32(gain.MonsterBookBonus);
        writer.WriteByte(gain.MobEventBonusPercent);
        writer.WriteByte(gain.PartyBonusPercent);
        writer.WriteInt32(gain.WeddingBonus);
        if (gain.MobEventBonusPercent > 0)
            writer.WriteByte(gain.PlayTimeHour);
        if (gain.InChat)
        {
            writer.WriteByte(gain.QuestBonusRate);
            if (gain.QuestBonusRate > 0)
                writer.WriteByte(gain.QuestBonusRemainCount);
        }

        writer.WriteByte(gain.PartyBonusEventRate);
        writer.WriteInt32(gain.PartyBonus);
        Tail(writer, context.Version, gain);
    };

    public static readonly PacketBody<int> IncreaseMeso = static (writer, in context, amount) =>
        writer.WriteByte(TemplateOptions.Operation(context, "INCREASE_MESO")).WriteInt32(amount);

    private static void Tail(PacketWriter writer, ClientVersion version, ExperienceGain gain)
    {
        if (version.IsJapan || version.Major >= 79)
            writer.WriteInt32(gain.ItemBonus).WriteInt32(gain.InternetCafeBonus);
        if (version.IsJapan || version.Major >= 83)
            writer.WriteInt32(gain.RainbowWeekBonus);
        if (version.IsJapan || version.Major >= 87)
            writer.WriteInt32(gain.PartyRingBonus).WriteInt32(gain.CakePieBonus);
    }
}

/// <summary><c>CharacterEffect</c> / <c>CharacterEffectForeign</c> LEVEL_UP (combat-skills.md §12): no body after the mode.</summary>
public static class LevelUpEffectPacket
{
    public static readonly PacketBody<int> Local = static (writer, in context, _) =>
        writer.WriteByte(TemplateOptions.Operation(context, "LEVEL_UP"));

    /// <summary>State: the id of the character who levelled up.</summary>
    public static readonly PacketBody<int> Foreign = static (writer, in context, characterId) =>
        writer.WriteInt32(characterId).WriteByte(TemplateOptions.Operation(context, "LEVEL_UP"));
}

public readonly record struct PartyHp(int CharacterId, int Hp, int MaxHp);

/// <summary><c>PartyMemberHP</c> (chat-social.md §9.4): a party member's HP bar.</summary>
public static class PartyMemberHpPacket
{
    public static readonly PacketBody<PartyHp> Body = static (writer, in _, hp) =>
        writer.WriteInt32(hp.CharacterId).WriteInt32(hp.Hp).WriteInt32(hp.MaxHp);
}

/// <summary>Client → server stat requests (combat-skills.md §5, §13; inventory-storage.md §6).</summary>
public static class StatsRequests
{
    /// <summary>AP flag → ability name (combat-skills.md §13.1); null for any other flag.</summary>
    public static string? Ability(uint flag) => flag switch
    {
        0x40 => "STRENGTH",
        0x80 => "DEXTERITY",
        0x100 => "INTELLIGENCE",
        0x200 => "LUCK",
        0x800 => "HP",
        0x2000 => "MP",
        _ => null,
    };

    public static uint ReadDistributeAp(ref PacketReader reader)
    {
        reader.ReadUInt32(); // updateTime
        return reader.ReadUInt32();
    }

    /// <summary>The (flag, amount) pairs; reads exactly <c>count</c> pairs (the seed read while 8 bytes remained).</summary>
    public static (uint Flag, uint Amount)[] ReadAutoDistributeAp(ref PacketReader reader)
    {
        reader.ReadUInt32(); // updateTime
        var count = reader.ReadUInt32();
        if (count > (uint)(reader.Remaining / 8))
            throw new PacketReadException(reader.Position, (int)Math.Min(count * 8L, int.MaxValue), reader.Remaining);
        var pairs = new (uint, uint)[count];
        for (var i = 0; i < pairs.Length; i++)
            pairs[i] = (reader.ReadUInt32(), reader.ReadUInt32());
        return pairs;
    }

    public static uint ReadDistributeSp(ref PacketReader reader)
    {
        reader.ReadUInt32(); // updateTime
        return reader.ReadUInt32();
    }

    public static uint ReadDropMeso(ref PacketReader reader)
    {
        reader.ReadUInt32(); // updateTime
        return reader.ReadUInt32();
    }

    /// <summary>HP and MP to add; the trailing option byte (and JMS validation word) are not needed.</summary>
    public static (short Hp, short Mp) ReadHealOverTime(ref PacketReader reader)
    {
        reader.ReadUInt32(); // updateTime
        reader.ReadUInt32(); // statMask
        return (reader.ReadInt16(), reader.ReadInt16());
    }
}
