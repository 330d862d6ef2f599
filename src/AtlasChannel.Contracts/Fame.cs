namespace AtlasChannel.Contracts;

// EVENT_TOPIC_FAME_STATUS (consumed; errors only — successes arrive as character FAME_CHANGED).

public static class FameStatusTypes
{
    public const string Error = "ERROR";
}

public sealed record FameStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record FameErrorBody
{
    public byte ChannelId { get; init; }

    /// <summary><c>NOT_TODAY</c>, <c>NOT_THIS_MONTH</c>, <c>INVALID_NAME</c>, <c>NOT_MINIMUM_LEVEL</c>, <c>UNEXPECTED</c>.</summary>
    public string Error { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_FAME (produced).

public static class FameCommandTypes
{
    public const string RequestChange = "REQUEST_CHANGE";
}

public sealed record FameCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }

    /// <summary>The requester.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record FameRequestChangeBody
{
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint TargetId { get; init; }

    /// <summary>+1 or -1.</summary>
    public sbyte Amount { get; init; }
}

internal static class FameContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventFameStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<FameStatusEvent<FameErrorBody>>(FameStatusTypes.Error);

        catalog.Typed(Topics.CommandFame, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<FameCommand<FameRequestChangeBody>>(FameCommandTypes.RequestChange);
    }
}
