using AtlasChannel.Protocol;

namespace AtlasChannel.Features.Field;

/// <summary>
/// The version gates of SetField / CharacterData / GW_CharacterStat / item records (field.md §1–§2, common.md §4–§5, §9).
/// Only GMS v83 and later and JMS are laid out; older clients differ in too many widths to share this code.
/// </summary>
public sealed class FieldLayout
{
    private FieldLayout(ClientVersion version)
    {
        var gms = !version.IsJapan;
        var major = version.Major;
        Version = version;
        IsJapan = version.IsJapan;
        HasEquipDurability = gms && major >= 84;
        HasEvanExtendedSp = gms && major >= 84;
        HasSubJob = gms && major >= 87;
        // HEAD corrected Atlas's "> v83" gate: v84–v86 use the v83 frame (field.md §1.1).
        HasClientOptionHeader = IsJapan || major >= 87;
        HasLogoutGift = IsJapan || major >= 87;
        HasOldDriverId = gms && major >= 95;
        HasMonsterBook = !(gms && major >= 95);
        WarpHpIsInt32 = gms && major >= 95;
        WarpHasChase = gms;
    }

    public ClientVersion Version { get; }

    public bool IsJapan { get; }

    /// <summary>GMS v84+: equip records carry <c>int32 durability</c>.</summary>
    public bool HasEquipDurability { get; }

    /// <summary>GMS v84+: Evan characters send the extended-SP block instead of <c>int16 SP</c>.</summary>
    public bool HasEvanExtendedSp { get; }

    /// <summary>GMS v87+: GW_CharacterStat ends with <c>int16 subJob</c>.</summary>
    public bool HasSubJob { get; }

    /// <summary>GMS v87+ and JMS: SetField starts with <c>int16 clientOptionCount</c>.</summary>
    public bool HasClientOptionHeader { get; }

    /// <summary>GMS v87+ and JMS: four <c>int32 0</c> after CharacterData.</summary>
    public bool HasLogoutGift { get; }

    /// <summary>GMS v95: <c>int32 oldDriverId</c> after the channel id.</summary>
    public bool HasOldDriverId { get; }

    /// <summary>Not in GMS v95: monster-book cover and cards.</summary>
    public bool HasMonsterBook { get; }

    public bool WarpHpIsInt32 { get; }

    public bool WarpHasChase { get; }

    public static FieldLayout For(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!version.IsJapan && version.Major < 83)
            throw new NotSupportedException($"SetField/CharacterData are laid out for GMS v83+ and JMS only, not {version}");
        return new FieldLayout(version);
    }

    public static bool IsEvanJob(int job) => job == 2001 || job / 100 == 22;
}

public static class SkillRules
{
    /// <summary>
    /// Whether CharacterData carries <c>int32 masterLevel</c> for the skill (client <c>is_skill_need_master_level</c>):
    /// fourth-job skills (job % 100 ≠ 0 and job % 10 == 2); on v84+ Evan skills only for jobs 2217/2218, plus three
    /// listed skills on GMS. Getting this wrong shifts every later byte.
    /// </summary>
    public static bool NeedsMasterLevel(int skillId, ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var job = skillId / 10_000;
        var evanRules = version.IsJapan || version.Major >= 84;
        if (evanRules && FieldLayout.IsEvanJob(job))
            return job is 2217 or 2218 || (!version.IsJapan && skillId is 22111001 or 22141002 or 22140000);
        return job % 100 != 0 && job % 10 == 2;
    }
}
