namespace AtlasChannel.Contracts.Rest;

/// <summary>SKILLS <c>skills</c>: one learned skill of a character; the resource id is the skill id.</summary>
public sealed record SkillAttributes
{
    public byte Level { get; init; }

    public byte MasterLevel { get; init; }

    /// <summary>Zero time = permanent.</summary>
    public DateTimeOffset Expiration { get; init; }

    /// <summary>Zero time = no cooldown running.</summary>
    public DateTimeOffset CooldownExpiresAt { get; init; }
}

public sealed record SkillResource(uint Id, SkillAttributes Attributes);

/// <summary>SKILLS <c>macros</c>; the resource id is the 0-based macro slot.</summary>
public sealed record SkillMacroAttributes
{
    public string Name { get; set; } = string.Empty; // set, not init: see RestJsonContext

    public bool Shout { get; init; }

    public uint SkillId1 { get; init; }

    public uint SkillId2 { get; init; }

    public uint SkillId3 { get; init; }
}

public sealed record SkillMacroResource(int Id, SkillMacroAttributes Attributes);

public sealed record QuestProgressEntry
{
    public uint InfoNumber { get; init; }

    public string Progress { get; set; } = string.Empty; // set, not init: see RestJsonContext
}

/// <summary>QUESTS <c>quest-status</c>.</summary>
public sealed record QuestStatusAttributes
{
    public uint CharacterId { get; init; }

    public uint QuestId { get; init; }

    /// <summary>0 not started, 1 started, 2 completed.</summary>
    public byte State { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Zero time when not completed.</summary>
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Zero time when the quest has no time limit.</summary>
    public DateTimeOffset ExpirationTime { get; init; }

    public uint CompletedCount { get; init; }

    public uint ForfeitCount { get; init; }

    public IReadOnlyList<QuestProgressEntry> Progress { get; set => field = value ?? []; } = []; // set, not init: see RestJsonContext
}

public sealed record QuestStatusResource(uint Id, QuestStatusAttributes Attributes);

public static class QuestStates
{
    public const byte NotStarted = 0;
    public const byte Started = 1;
    public const byte Completed = 2;
}

public sealed record PetExclude
{
    public uint ItemId { get; init; }
}

/// <summary>PETS <c>pets</c>; the resource id is the pet id (an asset's <c>petId</c>).</summary>
public sealed record PetAttributes
{
    /// <summary>Cash serial; a JSON <em>number</em> here, unlike on assets.</summary>
    public ulong CashId { get; init; }

    public uint TemplateId { get; init; }

    public string Name { get; set; } = string.Empty; // set, not init: see RestJsonContext

    public byte Level { get; init; }

    public ushort Closeness { get; init; }

    public byte Fullness { get; init; }

    public DateTimeOffset Expiration { get; init; }

    public uint OwnerId { get; init; }

    /// <summary>−1 = not summoned, 0..2 = summoned position (0 = lead).</summary>
    public sbyte Slot { get; init; }

    public short X { get; init; }

    public short Y { get; init; }

    public byte Stance { get; init; }

    public short Fh { get; init; }

    public IReadOnlyList<PetExclude> Excludes { get; set => field = value ?? []; } = []; // set, not init: see RestJsonContext

    public ushort Flag { get; init; }

    public uint PurchaseBy { get; init; }
}

public sealed record PetResource(uint Id, PetAttributes Attributes);

/// <summary>KEYS <c>keys</c>; the resource id is the key code (91 / 92 hold the auto-HP / auto-MP potions).</summary>
public sealed record KeyBindingAttributes
{
    public sbyte Type { get; init; }

    public int Action { get; init; }
}

public sealed record KeyBindingResource(int Key, KeyBindingAttributes Attributes);
