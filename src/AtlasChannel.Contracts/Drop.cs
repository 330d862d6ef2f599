using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_DROP_STATUS (consumed, from the drops service).

public static class DropStatusTypes
{
    public const string Created = "CREATED";
    public const string Expired = "EXPIRED";
    public const string PickedUp = "PICKED_UP";
}

public sealed record DropStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint DropId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record DropCreatedBody
{
    public uint ItemId { get; init; }
    public uint Quantity { get; init; }
    public uint Meso { get; init; }
    public byte Type { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
    public uint OwnerId { get; init; }
    public uint OwnerPartyId { get; init; }
    public DateTimeOffset DropTime { get; init; }
    public uint DropperUniqueId { get; init; }
    public short DropperX { get; init; }
    public short DropperY { get; init; }
    public bool PlayerDrop { get; init; }

    /// <summary>Declared by the channel (spawn delay) but not sent by the drops service: null when absent (treat as 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public byte? Mod { get; init; }
}

/// <summary>
/// As sent by the drops service: no <c>equipmentId</c> (the channel's declaration), but the equipment statistics
/// flattened into the body. Classify equipment by <c>itemId / 1 000 000 == 1</c> instead of <see cref="EquipmentId"/>.
/// </summary>
public sealed record DropPickedUpBody
{
    public uint CharacterId { get; init; }
    public uint ItemId { get; init; }

    /// <summary>Declared by the channel, not sent by the drops service: null when absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public uint? EquipmentId { get; init; }

    public uint Quantity { get; init; }
    public uint Meso { get; init; }
    public sbyte PetSlot { get; init; }
    public ushort Strength { get; init; }
    public ushort Dexterity { get; init; }
    public ushort Intelligence { get; init; }
    public ushort Luck { get; init; }
    public ushort Hp { get; init; }
    public ushort Mp { get; init; }
    public ushort WeaponAttack { get; init; }
    public ushort MagicAttack { get; init; }
    public ushort WeaponDefense { get; init; }
    public ushort MagicDefense { get; init; }
    public ushort Accuracy { get; init; }
    public ushort Avoidability { get; init; }
    public ushort Hands { get; init; }
    public ushort Speed { get; init; }
    public ushort Jump { get; init; }
    public ushort Slots { get; init; }
}

// COMMAND_TOPIC_DROP (produced).

public static class DropCommandTypes
{
    public const string RequestReservation = "REQUEST_RESERVATION";
}

public sealed record DropCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record DropRequestReservationBody
{
    public uint DropId { get; init; }
    public uint CharacterId { get; init; }
    public short CharacterX { get; init; }
    public short CharacterY { get; init; }

    /// <summary>-1 for a character pick-up, else the pet's slot.</summary>
    public sbyte PetSlot { get; init; }
}

internal static class DropContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventDropStatus, MessageDirection.Consumed, MessageKey.Of("dropId"))
            .Add<DropStatusEvent<DropCreatedBody>>(DropStatusTypes.Created)
            .Add<DropStatusEvent<EmptyBody>>(DropStatusTypes.Expired)
            .Add<DropStatusEvent<DropPickedUpBody>>(DropStatusTypes.PickedUp);

        catalog.Typed(Topics.CommandDrop, MessageDirection.Produced, MessageKey.Of("body.dropId"))
            .Add<DropCommand<DropRequestReservationBody>>(DropCommandTypes.RequestReservation);
    }
}
