namespace AtlasChannel.Contracts.Rest;

/// <summary>Attributes of a CHARACTERS <c>characters</c> resource (spec/rest/characters.md).</summary>
public sealed record CharacterAttributes
{
    public uint AccountId { get; init; }

    public byte WorldId { get; init; }

    public string Name { get; set; } = string.Empty; // set, not init: see RestJsonContext

    public byte Level { get; init; }

    public uint Experience { get; init; }

    public uint GachaponExperience { get; init; }

    public ushort Strength { get; init; }

    public ushort Dexterity { get; init; }

    public ushort Intelligence { get; init; }

    public ushort Luck { get; init; }

    public ushort Hp { get; init; }

    public ushort MaxHp { get; init; }

    public ushort Mp { get; init; }

    public ushort MaxMp { get; init; }

    public uint Meso { get; init; }

    public int HpMpUsed { get; init; }

    public ushort JobId { get; init; }

    public byte SkinColor { get; init; }

    public byte Gender { get; init; }

    public short Fame { get; init; }

    public uint Hair { get; init; }

    public uint Face { get; init; }

    public ushort Ap { get; init; }

    /// <summary>Unspent SP per job-advancement book as comma-separated decimals, e.g. "0,0,0"; see <see cref="SkillPoints"/>.</summary>
    public string Sp { get; set; } = string.Empty; // set, not init: see RestJsonContext

    public uint MapId { get; init; }

    public uint SpawnPoint { get; init; }

    public int Gm { get; init; }

    public short X { get; init; }

    public short Y { get; init; }

    public byte Stance { get; init; }

    /// <summary><see cref="Sp"/> split on commas; empty or unparsable entries count as 0.</summary>
    public IReadOnlyList<ushort> SkillPoints =>
        [.. Sp.Split(',', StringSplitOptions.TrimEntries)
            .Where(part => part.Length > 0)
            .Select(part => ushort.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (ushort)0)];
}

/// <summary>A character as CHARACTERS serves it.</summary>
public sealed record CharacterResource(uint Id, CharacterAttributes Attributes);
