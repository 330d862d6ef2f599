namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CHALKBOARD_STATUS (consumed) and COMMAND_TOPIC_CHALKBOARD (produced) share the field-scoped shape;
// the event additionally carries the chalkboards service's transactionId.

public static class ChalkboardTypes
{
    public const string Set = "SET";
    public const string Clear = "CLEAR";
}

public sealed record ChalkboardStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>Chalkboard owner.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ChalkboardCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ChalkboardSetBody
{
    public string Message { get; init => field = value ?? ""; } = "";
}

internal static class ChalkboardContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventChalkboardStatus, MessageDirection.Consumed, MessageKey.Of("mapId"))
            .Add<ChalkboardStatusEvent<ChalkboardSetBody>>(ChalkboardTypes.Set)
            .Add<ChalkboardStatusEvent<EmptyBody>>(ChalkboardTypes.Clear);

        catalog.Typed(Topics.CommandChalkboard, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<ChalkboardCommand<ChalkboardSetBody>>(ChalkboardTypes.Set)
            .Add<ChalkboardCommand<EmptyBody>>(ChalkboardTypes.Clear);
    }
}
