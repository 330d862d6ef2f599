namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CHARACTER_BUFF_STATUS (consumed, from the buffs service).

public static class BuffStatusTypes
{
    public const string Applied = "APPLIED";
    public const string Expired = "EXPIRED";
}

public sealed record BuffStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record BuffStatChange
{
    /// <summary>Temporary-stat name, e.g. <c>WEAPON_ATTACK</c>, <c>MAGIC_GUARD</c>.</summary>
    public string Type { get; init => field = value ?? ""; } = "";

    public int Amount { get; init; }
}

public sealed record BuffAppliedBody
{
    public uint FromId { get; init; }

    /// <summary>Skill id, or a negative item id for item buffs.</summary>
    public int SourceId { get; init; }

    /// <summary>Seconds.</summary>
    public int Duration { get; init; }

    public IReadOnlyList<BuffStatChange> Changes { get; init => field = value ?? []; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

public sealed record BuffExpiredBody
{
    public int SourceId { get; init; }
    public int Duration { get; init; }
    public IReadOnlyList<BuffStatChange> Changes { get; init => field = value ?? []; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

// COMMAND_TOPIC_CHARACTER_BUFF (produced).

public static class BuffCommandTypes
{
    public const string Apply = "APPLY";
    public const string Cancel = "CANCEL";
}

public sealed record BuffCommand<TBody>
    where TBody : new()
{
    /// <summary>The caster's field.</summary>
    public byte WorldId { get; init; }

    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>The buff target.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record BuffApplyBody
{
    /// <summary>The caster.</summary>
    public uint FromId { get; init; }

    public int SourceId { get; init; }
    public int Duration { get; init; }
    public IReadOnlyList<BuffStatChange> Changes { get; init => field = value ?? []; } = [];
}

public sealed record BuffCancelBody
{
    public int SourceId { get; init; }
}

internal static class BuffContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventCharacterBuffStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<BuffStatusEvent<BuffAppliedBody>>(BuffStatusTypes.Applied)
            .Add<BuffStatusEvent<BuffExpiredBody>>(BuffStatusTypes.Expired);

        catalog.Typed(Topics.CommandCharacterBuff, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<BuffCommand<BuffApplyBody>>(BuffCommandTypes.Apply)
            .Add<BuffCommand<BuffCancelBody>>(BuffCommandTypes.Cancel);
    }
}
