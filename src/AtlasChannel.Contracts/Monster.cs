namespace AtlasChannel.Contracts;

// EVENT_TOPIC_MONSTER_STATUS (consumed, from the monsters service).

public static class MonsterStatusTypes
{
    public const string Created = "CREATED";
    public const string Destroyed = "DESTROYED";
    public const string StartControl = "START_CONTROL";
    public const string StopControl = "STOP_CONTROL";
    public const string Damaged = "DAMAGED";
    public const string Killed = "KILLED";
}

public sealed record MonsterStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>Monster object id.</summary>
    public uint UniqueId { get; init; }

    /// <summary>Monster template id.</summary>
    public uint MonsterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>CREATED, DESTROYED, STOP_CONTROL.</summary>
public sealed record MonsterActorBody
{
    public uint ActorId { get; init; }
}

public sealed record MonsterStartControlBody
{
    public uint ActorId { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
    public byte Stance { get; init; }
    public short Fh { get; init; }
    public sbyte Team { get; init; }
}

/// <summary>DAMAGED and KILLED.</summary>
public sealed record MonsterDamagedBody
{
    public short X { get; init; }
    public short Y { get; init; }
    public uint ActorId { get; init; }
    public IReadOnlyList<MonsterDamageEntry> DamageEntries { get; init => field = value ?? []; } = [];
}

public sealed record MonsterDamageEntry
{
    public uint CharacterId { get; init; }

    /// <summary>The channel declares int64; the monsters service emits uint32 (compatible).</summary>
    public long Damage { get; init; }
}

// COMMAND_TOPIC_MONSTER (produced).

public static class MonsterCommandTypes
{
    public const string Damage = "DAMAGE";
}

public sealed record MonsterCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>The monster's unique (object) id, not the template id.</summary>
    public uint MonsterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record MonsterDamageBody
{
    public uint CharacterId { get; init; }
    public uint Damage { get; init; }
}

internal static class MonsterContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventMonsterStatus, MessageDirection.Consumed, MessageKey.Of("mapId"))
            .Add<MonsterStatusEvent<MonsterActorBody>>(MonsterStatusTypes.Created)
            .Add<MonsterStatusEvent<MonsterActorBody>>(MonsterStatusTypes.Destroyed)
            .Add<MonsterStatusEvent<MonsterStartControlBody>>(MonsterStatusTypes.StartControl)
            .Add<MonsterStatusEvent<MonsterActorBody>>(MonsterStatusTypes.StopControl)
            .Add<MonsterStatusEvent<MonsterDamagedBody>>(MonsterStatusTypes.Damaged)
            .Add<MonsterStatusEvent<MonsterDamagedBody>>(MonsterStatusTypes.Killed);

        catalog.Typed(Topics.CommandMonster, MessageDirection.Produced, MessageKey.Of("monsterId"))
            .Add<MonsterCommand<MonsterDamageBody>>(MonsterCommandTypes.Damage);
    }
}
