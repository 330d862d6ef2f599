namespace AtlasChannel.Features.Characters;

/// <summary>
/// Everything the channel knows about one character after loading it over REST: the one model the packet encoders read.
/// Field widths follow the wire (GW_CharacterStat, CharacterData), not the REST types.
/// </summary>
public sealed record CharacterSnapshot
{
    public required CharacterStats Stats { get; init; }

    public uint AccountId { get; init; }

    public byte WorldId { get; init; }

    /// <summary>GM level; &gt; 0 = GM.</summary>
    public int GmLevel { get; init; }

    public short X { get; init; }

    public short Y { get; init; }

    public byte Stance { get; init; }

    public byte BuddyCapacity { get; init; } = CharacterDefaults.BuddyCapacity;

    public int Meso { get; init; }

    public CharacterInventory Inventory { get; init; } = CharacterInventory.Empty;

    public ValueList<CharacterSkill> Skills { get; init; } = ValueList.Empty<CharacterSkill>();

    public ValueList<StartedQuest> StartedQuests { get; init; } = ValueList.Empty<StartedQuest>();

    public ValueList<CompletedQuest> CompletedQuests { get; init; } = ValueList.Empty<CompletedQuest>();

    /// <summary>The character's pets (summoned or not), in spawn-slot order.</summary>
    public ValueList<CharacterPet> Pets { get; init; } = ValueList.Empty<CharacterPet>();

    /// <summary>Saved teleport-rock maps, exactly 5; <see cref="CharacterDefaults.EmptyTeleportRockMap"/> for an empty slot.</summary>
    public ValueList<int> TeleportRockMaps { get; init; } = CharacterDefaults.EmptyTeleportRocks(CharacterDefaults.TeleportRockSlots);

    /// <summary>Saved VIP teleport-rock maps, exactly 10.</summary>
    public ValueList<int> VipTeleportRockMaps { get; init; } = CharacterDefaults.EmptyTeleportRocks(CharacterDefaults.VipTeleportRockSlots);

    public MonsterBook MonsterBook { get; init; } = MonsterBook.Empty;
}

/// <summary>The GW_CharacterStat values [C§4].</summary>
public sealed record CharacterStats
{
    public int Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public byte Gender { get; init; }

    public byte Skin { get; init; }

    public int Face { get; init; }

    public int Hair { get; init; }

    /// <summary>Serials of the pets summoned in pet slots 0, 1, 2; 0 for an empty slot. Always 3 entries.</summary>
    public ValueList<long> PetSerials { get; init; } = ValueList.Of(0L, 0L, 0L);

    public byte Level { get; init; }

    public short Job { get; init; }

    public short Strength { get; init; }

    public short Dexterity { get; init; }

    public short Intelligence { get; init; }

    public short Luck { get; init; }

    public short Hp { get; init; }

    public short MaxHp { get; init; }

    public short Mp { get; init; }

    public short MaxMp { get; init; }

    public short Ap { get; init; }

    /// <summary>Remaining SP of the current job book (the first entry of the REST list).</summary>
    public short Sp { get; init; }

    public int Experience { get; init; }

    public short Fame { get; init; }

    public int GachaponExperience { get; init; }

    public int MapId { get; init; }

    public byte SpawnPoint { get; init; }
}

public sealed record CharacterSkill(int SkillId, int Level, int MasterLevel, DateTimeOffset? Expiration = null, DateTimeOffset? CooldownExpiresAt = null);

/// <summary>A started quest and its record string (e.g. mob-kill counters "001002").</summary>
public sealed record StartedQuest(short QuestId, string Progress);

public sealed record CompletedQuest(short QuestId, DateTimeOffset CompletedAt);

/// <summary>A pet as PETS reports it; <see cref="Slot"/> −1 = not summoned, 0..2 = summoned position.</summary>
public sealed record CharacterPet(uint Id, long Serial, int TemplateId, string Name, byte Level, short Closeness, byte Fullness, sbyte Slot, short X, short Y, byte Stance, short Foothold);

public sealed record MonsterCard(short CardIndex, byte Level);

public sealed record MonsterBook(int CoverCardId, ValueList<MonsterCard> Cards)
{
    public static MonsterBook Empty { get; } = new(0, ValueList.Empty<MonsterCard>());
}

public static class CharacterDefaults
{
    public const byte BuddyCapacity = 20;
    public const byte SlotCapacity = 24;
    public const int EmptyTeleportRockMap = 999_999_999;
    public const int TeleportRockSlots = 5;
    public const int VipTeleportRockSlots = 10;

    public static ValueList<int> EmptyTeleportRocks(int count) => Enumerable.Repeat(EmptyTeleportRockMap, count).ToValueList();
}
