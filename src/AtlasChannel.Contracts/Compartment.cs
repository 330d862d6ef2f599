namespace AtlasChannel.Contracts;

// EVENT_TOPIC_COMPARTMENT_STATUS (consumed, from the inventory service).

public static class CompartmentStatusTypes
{
    public const string ReservationCancelled = "RESERVATION_CANCELLED";
    public const string MergeComplete = "MERGE_COMPLETE";
    public const string SortComplete = "SORT_COMPLETE";

    // Present on the topic, ignored by the channel.
    public const string Created = "CREATED";
    public const string Deleted = "DELETED";
    public const string CapacityChanged = "CAPACITY_CHANGED";
    public const string Reserved = "RESERVED";
    public const string Accepted = "ACCEPTED";
    public const string Released = "RELEASED";
    public const string Error = "ERROR";
}

public sealed record CompartmentStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public Guid CompartmentId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record CompartmentReservationCancelledBody
{
    public uint ItemId { get; init; }
    public short Slot { get; init; }
    public uint Quantity { get; init; }
}

/// <summary>MERGE_COMPLETE / SORT_COMPLETE: body <c>type</c> is the inventory type number (not the envelope type).</summary>
public sealed record CompartmentInventoryTypeBody
{
    public byte Type { get; init; }
}

/// <summary>CREATED / CAPACITY_CHANGED (ignored by the channel).</summary>
public sealed record CompartmentCapacityBody
{
    public byte Type { get; init; }
    public uint Capacity { get; init; }
}

/// <summary>RESERVED (ignored by the channel).</summary>
public sealed record CompartmentReservedBody
{
    public Guid TransactionId { get; init; }
    public uint ItemId { get; init; }
    public short Slot { get; init; }
    public uint Quantity { get; init; }
}

/// <summary>ACCEPTED / RELEASED (ignored by the channel).</summary>
public sealed record CompartmentTransactionBody
{
    public Guid TransactionId { get; init; }
}

/// <summary>ERROR (ignored by the channel).</summary>
public sealed record CompartmentErrorBody
{
    public string ErrorCode { get; init => field = value ?? ""; } = "";
    public Guid TransactionId { get; init; }
}

// COMMAND_TOPIC_COMPARTMENT (produced).

public static class CompartmentCommandTypes
{
    public const string Equip = "EQUIP";
    public const string Unequip = "UNEQUIP";
    public const string Move = "MOVE";
    public const string Drop = "DROP";
    public const string Merge = "MERGE";
    public const string Sort = "SORT";
}

public sealed record CompartmentCommand<TBody>
    where TBody : new()
{
    public uint CharacterId { get; init; }
    public byte InventoryType { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>EQUIP, UNEQUIP, MOVE.</summary>
public sealed record CompartmentMoveBody
{
    public short Source { get; init; }
    public short Destination { get; init; }
}

public sealed record CompartmentDropBody
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public short Source { get; init; }
    public short Quantity { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
}

internal static class CompartmentContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventCompartmentStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<CompartmentStatusEvent<CompartmentReservationCancelledBody>>(CompartmentStatusTypes.ReservationCancelled)
            .Add<CompartmentStatusEvent<CompartmentInventoryTypeBody>>(CompartmentStatusTypes.MergeComplete)
            .Add<CompartmentStatusEvent<CompartmentInventoryTypeBody>>(CompartmentStatusTypes.SortComplete)
            .Add<CompartmentStatusEvent<CompartmentCapacityBody>>(CompartmentStatusTypes.Created)
            .Add<CompartmentStatusEvent<EmptyBody>>(CompartmentStatusTypes.Deleted)
            .Add<CompartmentStatusEvent<CompartmentCapacityBody>>(CompartmentStatusTypes.CapacityChanged)
            .Add<CompartmentStatusEvent<CompartmentReservedBody>>(CompartmentStatusTypes.Reserved)
            .Add<CompartmentStatusEvent<CompartmentTransactionBody>>(CompartmentStatusTypes.Accepted)
            .Add<CompartmentStatusEvent<CompartmentTransactionBody>>(CompartmentStatusTypes.Released)
            .Add<CompartmentStatusEvent<CompartmentErrorBody>>(CompartmentStatusTypes.Error);

        catalog.Typed(Topics.CommandCompartment, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<CompartmentCommand<CompartmentMoveBody>>(CompartmentCommandTypes.Equip)
            .Add<CompartmentCommand<CompartmentMoveBody>>(CompartmentCommandTypes.Unequip)
            .Add<CompartmentCommand<CompartmentMoveBody>>(CompartmentCommandTypes.Move)
            .Add<CompartmentCommand<CompartmentDropBody>>(CompartmentCommandTypes.Drop)
            .Add<CompartmentCommand<EmptyBody>>(CompartmentCommandTypes.Merge)
            .Add<CompartmentCommand<EmptyBody>>(CompartmentCommandTypes.Sort);
    }
}
