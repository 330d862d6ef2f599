namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CHAIR_STATUS (consumed, from the chairs service).

public static class ChairStatusTypes
{
    public const string Used = "USED";
    public const string Cancelled = "CANCELLED";
    public const string Error = "ERROR";
}

public static class ChairTypes
{
    public const string Fixed = "FIXED";
    public const string Portable = "PORTABLE";
}

public sealed record ChairStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>See <see cref="ChairTypes"/>.</summary>
    public string ChairType { get; init => field = value ?? ""; } = "";

    /// <summary>Fixed: map seat index; portable: item id.</summary>
    public uint ChairId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>USED / CANCELLED event and CANCEL command body.</summary>
public sealed record ChairCharacterBody
{
    public uint CharacterId { get; init; }
}

public sealed record ChairErrorBody
{
    public uint CharacterId { get; init; }

    /// <summary><c>INTERNAL</c>, or (spelled so by the chairs service) <c>ALREADY_SITING</c>, <c>DOES_NOT_EXIT</c>, <c>NOT_OWNED</c>.</summary>
    public string Type { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_CHAIR (produced).

public static class ChairCommandTypes
{
    public const string Use = "USE";
    public const string Cancel = "CANCEL";
}

public sealed record ChairCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ChairUseBody
{
    public uint CharacterId { get; init; }

    /// <summary>See <see cref="ChairTypes"/>.</summary>
    public string ChairType { get; init => field = value ?? ""; } = "";

    public uint ChairId { get; init; }
}

internal static class ChairContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventChairStatus, MessageDirection.Consumed, MessageKey.Of("body.characterId"))
            .Add<ChairStatusEvent<ChairCharacterBody>>(ChairStatusTypes.Used)
            .Add<ChairStatusEvent<ChairCharacterBody>>(ChairStatusTypes.Cancelled)
            .Add<ChairStatusEvent<ChairErrorBody>>(ChairStatusTypes.Error);

        catalog.Typed(Topics.CommandChair, MessageDirection.Produced, MessageKey.Of("body.characterId"))
            .Add<ChairCommand<ChairUseBody>>(ChairCommandTypes.Use)
            .Add<ChairCommand<ChairCharacterBody>>(ChairCommandTypes.Cancel);
    }
}
