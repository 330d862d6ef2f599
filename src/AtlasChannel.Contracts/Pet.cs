namespace AtlasChannel.Contracts;

// EVENT_TOPIC_PET_STATUS (consumed, from the pets service).

public static class PetStatusTypes
{
    public const string Spawned = "SPAWNED";
    public const string Despawned = "DESPAWNED";
    public const string CommandResponse = "COMMAND_RESPONSE";
    public const string ClosenessChanged = "CLOSENESS_CHANGED";
    public const string FullnessChanged = "FULLNESS_CHANGED";
    public const string LevelChanged = "LEVEL_CHANGED";
    public const string SlotChanged = "SLOT_CHANGED";
    public const string ExcludeChanged = "EXCLUDE_CHANGED";
    public const string Created = "CREATED";
    public const string Deleted = "DELETED";
}

public sealed record PetStatusEvent<TBody>
    where TBody : new()
{
    public uint PetId { get; init; }

    /// <summary>Character id of the owner.</summary>
    public uint OwnerId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record PetSpawnedBody
{
    public uint TemplateId { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
    public sbyte Slot { get; init; }
    public byte Level { get; init; }
    public ushort Closeness { get; init; }
    public byte Fullness { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
    public byte Stance { get; init; }
    public short Fh { get; init; }
}

public sealed record PetDespawnedBody
{
    public uint TemplateId { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
    public sbyte Slot { get; init; }
    public byte Level { get; init; }
    public ushort Closeness { get; init; }
    public byte Fullness { get; init; }
    public sbyte OldSlot { get; init; }

    /// <summary><c>NORMAL</c>, <c>HUNGER</c>, <c>EXPIRED</c>.</summary>
    public string Reason { get; init => field = value ?? ""; } = "";
}

public sealed record PetCommandResponseBody
{
    public sbyte Slot { get; init; }
    public ushort Closeness { get; init; }
    public byte Fullness { get; init; }
    public byte CommandId { get; init; }
    public bool Success { get; init; }
}

public sealed record PetClosenessChangedBody
{
    public sbyte Slot { get; init; }
    public ushort Closeness { get; init; }
    public short Amount { get; init; }

    /// <summary>Sent by the pets service only; ignored by the channel.</summary>
    public Guid TransactionId { get; init; }
}

public sealed record PetFullnessChangedBody
{
    public sbyte Slot { get; init; }
    public byte Fullness { get; init; }
    public sbyte Amount { get; init; }
}

public sealed record PetLevelChangedBody
{
    public sbyte Slot { get; init; }
    public byte Level { get; init; }
    public sbyte Amount { get; init; }
}

public sealed record PetSlotChangedBody
{
    public sbyte OldSlot { get; init; }
    public sbyte NewSlot { get; init; }
}

/// <summary>EXCLUDE_CHANGED event and EXCLUDE command: item ids the pet must not pick up.</summary>
public sealed record PetExcludeBody
{
    public IReadOnlyList<uint> Items { get; init => field = value ?? []; } = [];
}

// COMMAND_TOPIC_PET (produced).

public static class PetCommandTypes
{
    public const string Spawn = "SPAWN";
    public const string Despawn = "DESPAWN";
    public const string AttemptCommand = "ATTEMPT_COMMAND";
    public const string Exclude = "EXCLUDE";
}

public sealed record PetCommand<TBody>
    where TBody : new()
{
    /// <summary>The acting character.</summary>
    public uint ActorId { get; init; }

    public uint PetId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record PetSpawnBody
{
    public bool Lead { get; init; }
}

public sealed record PetAttemptCommandBody
{
    public byte CommandId { get; init; }
    public bool ByName { get; init; }
}

internal static class PetContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventPetStatus, MessageDirection.Consumed, MessageKey.Of("ownerId"))
            .Add<PetStatusEvent<PetSpawnedBody>>(PetStatusTypes.Spawned)
            .Add<PetStatusEvent<PetDespawnedBody>>(PetStatusTypes.Despawned)
            .Add<PetStatusEvent<PetCommandResponseBody>>(PetStatusTypes.CommandResponse)
            .Add<PetStatusEvent<PetClosenessChangedBody>>(PetStatusTypes.ClosenessChanged)
            .Add<PetStatusEvent<PetFullnessChangedBody>>(PetStatusTypes.FullnessChanged)
            .Add<PetStatusEvent<PetLevelChangedBody>>(PetStatusTypes.LevelChanged)
            .Add<PetStatusEvent<PetSlotChangedBody>>(PetStatusTypes.SlotChanged)
            .Add<PetStatusEvent<PetExcludeBody>>(PetStatusTypes.ExcludeChanged)
            .Add<PetStatusEvent<EmptyBody>>(PetStatusTypes.Created)
            .Add<PetStatusEvent<EmptyBody>>(PetStatusTypes.Deleted);

        catalog.Typed(Topics.CommandPet, MessageDirection.Produced, MessageKey.Of("petId"))
            .Add<PetCommand<PetSpawnBody>>(PetCommandTypes.Spawn)
            .Add<PetCommand<EmptyBody>>(PetCommandTypes.Despawn)
            .Add<PetCommand<PetAttemptCommandBody>>(PetCommandTypes.AttemptCommand)
            .Add<PetCommand<PetExcludeBody>>(PetCommandTypes.Exclude);
    }
}
