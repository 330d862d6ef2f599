namespace AtlasChannel.Contracts;

// EVENT_TOPIC_BUDDY_LIST_STATUS (consumed, from the buddies service). Note `channelId` is int8 here (-1 = offline).

public static class BuddyListStatusTypes
{
    public const string BuddyAdded = "BUDDY_ADDED";
    public const string BuddyRemoved = "BUDDY_REMOVED";
    public const string BuddyUpdated = "BUDDY_UPDATED";
    public const string BuddyChannelChange = "BUDDY_CHANNEL_CHANGE";
    public const string CapacityChange = "CAPACITY_CHANGE";
    public const string Error = "ERROR";
}

public sealed record BuddyListStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }

    /// <summary>Owner of the buddy list.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record BuddyAddedBody
{
    public uint CharacterId { get; init; }
    public string Group { get; init => field = value ?? ""; } = "";
    public string CharacterName { get; init => field = value ?? ""; } = "";
    public sbyte ChannelId { get; init; }
}

/// <summary>BUDDY_REMOVED event; REQUEST_DELETE command.</summary>
public sealed record BuddyCharacterBody
{
    public uint CharacterId { get; init; }
}

public sealed record BuddyUpdatedBody
{
    public uint CharacterId { get; init; }
    public string Group { get; init => field = value ?? ""; } = "";
    public string CharacterName { get; init => field = value ?? ""; } = "";
    public sbyte ChannelId { get; init; }
    public bool InShop { get; init; }
}

public sealed record BuddyChannelChangeBody
{
    public uint CharacterId { get; init; }
    public sbyte ChannelId { get; init; }
}

public sealed record BuddyCapacityChangeBody
{
    public byte Capacity { get; init; }

    /// <summary>Sent by the buddies service; ignored by the channel.</summary>
    public Guid TransactionId { get; init; }
}

public sealed record BuddyErrorBody
{
    public string Error { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_BUDDY_LIST (produced).

public static class BuddyListCommandTypes
{
    public const string RequestAdd = "REQUEST_ADD";
    public const string RequestDelete = "REQUEST_DELETE";
}

public sealed record BuddyListCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }

    /// <summary>The requester.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>The buddies service also declares <c>characterName</c>; the channel does not send it.</summary>
public sealed record BuddyRequestAddBody
{
    /// <summary>The target.</summary>
    public uint CharacterId { get; init; }

    public string Group { get; init => field = value ?? ""; } = "";
}

internal static class BuddyListContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventBuddyListStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<BuddyListStatusEvent<BuddyAddedBody>>(BuddyListStatusTypes.BuddyAdded)
            .Add<BuddyListStatusEvent<BuddyCharacterBody>>(BuddyListStatusTypes.BuddyRemoved)
            .Add<BuddyListStatusEvent<BuddyUpdatedBody>>(BuddyListStatusTypes.BuddyUpdated)
            .Add<BuddyListStatusEvent<BuddyChannelChangeBody>>(BuddyListStatusTypes.BuddyChannelChange)
            .Add<BuddyListStatusEvent<BuddyCapacityChangeBody>>(BuddyListStatusTypes.CapacityChange)
            .Add<BuddyListStatusEvent<BuddyErrorBody>>(BuddyListStatusTypes.Error);

        catalog.Typed(Topics.CommandBuddyList, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<BuddyListCommand<BuddyRequestAddBody>>(BuddyListCommandTypes.RequestAdd)
            .Add<BuddyListCommand<BuddyCharacterBody>>(BuddyListCommandTypes.RequestDelete);
    }
}
