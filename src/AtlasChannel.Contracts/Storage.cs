using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_STORAGE_STATUS (consumed, from the storage service).

public static class StorageStatusTypes
{
    public const string MesosUpdated = "MESOS_UPDATED";
    public const string Arranged = "ARRANGED";
    public const string Error = "ERROR";
    public const string ProjectionCreated = "PROJECTION_CREATED";

    // Present on the topic, ignored by the channel.
    public const string Deposited = "DEPOSITED";
    public const string Withdrawn = "WITHDRAWN";
    public const string ProjectionDestroyed = "PROJECTION_DESTROYED";
    public const string Expired = "EXPIRED";
}

public sealed record StorageStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }

    /// <summary>Storage owner.</summary>
    public uint AccountId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record StorageMesosUpdatedBody
{
    public uint OldMesos { get; init; }
    public uint NewMesos { get; init; }
}

/// <summary>ERROR on both storage event topics.</summary>
public sealed record StorageErrorBody
{
    /// <summary><c>STORAGE_FULL</c>, <c>NOT_ENOUGH_MESOS</c>, <c>ONE_OF_A_KIND</c>, <c>GENERIC</c>, …</summary>
    public string ErrorCode { get; init => field = value ?? ""; } = "";

    /// <summary>Go <c>omitempty</c> string: null (omitted) when empty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init => field = string.IsNullOrEmpty(value) ? null : value; }
}

public sealed record StorageProjectionCreatedBody
{
    public uint CharacterId { get; init; }
    public uint AccountId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint NpcId { get; init; }
}

/// <summary>DEPOSITED (ignored by the channel).</summary>
public sealed record StorageDepositedBody
{
    public uint AssetId { get; init; }
    public short Slot { get; init; }
    public uint TemplateId { get; init; }
}

/// <summary>WITHDRAWN (ignored by the channel); <c>quantity</c> is optional on the wire.</summary>
public sealed record StorageWithdrawnBody
{
    public uint AssetId { get; init; }
    public short Slot { get; init; }
    public uint TemplateId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint Quantity { get; init; }
}

/// <summary>PROJECTION_DESTROYED (ignored by the channel).</summary>
public sealed record StorageProjectionDestroyedBody
{
    public uint CharacterId { get; init; }
}

// EVENT_TOPIC_STORAGE_COMPARTMENT_STATUS (consumed).

public static class StorageCompartmentStatusTypes
{
    public const string Accepted = "ACCEPTED";
    public const string Released = "RELEASED";
    public const string Error = "ERROR";
}

public sealed record StorageCompartmentStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public uint AccountId { get; init; }

    /// <summary>Go <c>omitempty</c>: absent/0 means the event is ignored.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record StorageCompartmentAcceptedBody
{
    public Guid TransactionId { get; init; }
    public uint AssetId { get; init; }
    public short Slot { get; init; }
    public byte InventoryType { get; init; }
}

public sealed record StorageCompartmentReleasedBody
{
    public Guid TransactionId { get; init; }
    public uint AssetId { get; init; }
    public byte InventoryType { get; init; }
}

public sealed record StorageCompartmentErrorBody
{
    public Guid TransactionId { get; init; }
    public string ErrorCode { get; init => field = value ?? ""; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init => field = string.IsNullOrEmpty(value) ? null : value; }
}

// COMMAND_TOPIC_STORAGE (produced).

public static class StorageCommandTypes
{
    public const string Arrange = "ARRANGE";
    public const string CloseStorage = "CLOSE_STORAGE";

    /// <summary>Defined but not emitted at the reference commit (meso moves use sagas).</summary>
    public const string UpdateMesos = "UPDATE_MESOS";
}

public static class StorageMesoOperations
{
    public const string Add = "ADD";
    public const string Subtract = "SUBTRACT";
    public const string Set = "SET";
}

public sealed record StorageCommand<TBody>
    where TBody : new()
{
    /// <summary>A new random id per command.</summary>
    public Guid TransactionId { get; init; }

    public byte WorldId { get; init; }
    public uint AccountId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>CLOSE_STORAGE is flat: <c>{characterId, type}</c>, no body.</summary>
public sealed record StorageCloseCommand
{
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
}

public sealed record StorageUpdateMesosBody
{
    public uint Mesos { get; init; }

    /// <summary>See <see cref="StorageMesoOperations"/>.</summary>
    public string Operation { get; init => field = value ?? ""; } = "";
}

internal static class StorageContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventStorageStatus, MessageDirection.Consumed, MessageKey.Of("accountId"))
            .Add<StorageStatusEvent<StorageMesosUpdatedBody>>(StorageStatusTypes.MesosUpdated)
            .Add<StorageStatusEvent<EmptyBody>>(StorageStatusTypes.Arranged)
            .Add<StorageStatusEvent<StorageErrorBody>>(StorageStatusTypes.Error)
            .Add<StorageStatusEvent<StorageProjectionCreatedBody>>(StorageStatusTypes.ProjectionCreated)
            .Add<StorageStatusEvent<StorageDepositedBody>>(StorageStatusTypes.Deposited)
            .Add<StorageStatusEvent<StorageWithdrawnBody>>(StorageStatusTypes.Withdrawn)
            .Add<StorageStatusEvent<StorageProjectionDestroyedBody>>(StorageStatusTypes.ProjectionDestroyed)
            .Add<StorageStatusEvent<AssetExpiredBody>>(StorageStatusTypes.Expired);

        catalog.Typed(Topics.EventStorageCompartmentStatus, MessageDirection.Consumed, MessageKey.Of("accountId"))
            .Add<StorageCompartmentStatusEvent<StorageCompartmentAcceptedBody>>(StorageCompartmentStatusTypes.Accepted)
            .Add<StorageCompartmentStatusEvent<StorageCompartmentReleasedBody>>(StorageCompartmentStatusTypes.Released)
            .Add<StorageCompartmentStatusEvent<StorageCompartmentErrorBody>>(StorageCompartmentStatusTypes.Error);

        catalog.Typed(Topics.CommandStorage, MessageDirection.Produced, MessageKey.Of("accountId"))
            .Add<StorageCommand<EmptyBody>>(StorageCommandTypes.Arrange)
            .Add<StorageCloseCommand>(StorageCommandTypes.CloseStorage, keyOverride: MessageKey.Of("characterId"))
            .Add<StorageCommand<StorageUpdateMesosBody>>(StorageCommandTypes.UpdateMesos);
    }
}
