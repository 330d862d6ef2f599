namespace AtlasChannel.Contracts;

// EVENT_TOPIC_SKILL_STATUS (consumed, from the skills service). The channel's struct declares only characterId,
// skillId, type and body; the producer's transactionId and worldId are modelled too.

public static class SkillStatusTypes
{
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string CooldownApplied = "COOLDOWN_APPLIED";
    public const string CooldownExpired = "COOLDOWN_EXPIRED";
}

public sealed record SkillStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public uint SkillId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>CREATED / UPDATED.</summary>
public sealed record SkillLevelBody
{
    public byte Level { get; init; }
    public byte MasterLevel { get; init; }
    public DateTimeOffset Expiration { get; init; }
}

public sealed record SkillCooldownAppliedBody
{
    public DateTimeOffset CooldownExpiresAt { get; init; }
}

// COMMAND_TOPIC_SKILL and COMMAND_TOPIC_SKILL_MACRO (produced). The skills service's envelope also has worldId and
// transactionId; the channel sends neither (they decode as zero there).

public static class SkillCommandTypes
{
    public const string SetCooldown = "SET_COOLDOWN";
}

public static class SkillMacroCommandTypes
{
    public const string Update = "UPDATE";
}

public sealed record SkillCommand<TBody>
    where TBody : new()
{
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record SkillSetCooldownBody
{
    public uint SkillId { get; init; }

    /// <summary>Seconds.</summary>
    public uint Cooldown { get; init; }
}

public sealed record SkillMacroUpdateBody
{
    /// <summary>The full list replacing the stored macros (empty is sent as <c>[]</c>).</summary>
    public IReadOnlyList<SkillMacro> Macros { get; init => field = value ?? []; } = [];
}

public sealed record SkillMacro
{
    /// <summary>0-based position.</summary>
    public uint Id { get; init; }

    public string Name { get; init => field = value ?? ""; } = "";
    public bool Shout { get; init; }
    public uint SkillId1 { get; init; }
    public uint SkillId2 { get; init; }
    public uint SkillId3 { get; init; }
}

internal static class SkillContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventSkillStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<SkillStatusEvent<SkillLevelBody>>(SkillStatusTypes.Created)
            .Add<SkillStatusEvent<SkillLevelBody>>(SkillStatusTypes.Updated)
            .Add<SkillStatusEvent<SkillCooldownAppliedBody>>(SkillStatusTypes.CooldownApplied)
            .Add<SkillStatusEvent<EmptyBody>>(SkillStatusTypes.CooldownExpired);

        catalog.Typed(Topics.CommandSkill, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<SkillCommand<SkillSetCooldownBody>>(SkillCommandTypes.SetCooldown);

        catalog.Typed(Topics.CommandSkillMacro, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<SkillCommand<SkillMacroUpdateBody>>(SkillMacroCommandTypes.Update);
    }
}
