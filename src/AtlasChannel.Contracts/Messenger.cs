namespace AtlasChannel.Contracts;

// EVENT_TOPIC_MESSENGER_STATUS (consumed, from the messengers service).

public static class MessengerStatusTypes
{
    public const string Joined = "JOINED";
    public const string Left = "LEFT";
    public const string Created = "CREATED";
    public const string Error = "ERROR";
}

public sealed record MessengerStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public uint ActorId { get; init; }
    public byte WorldId { get; init; }
    public uint MessengerId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record MessengerSlotBody
{
    public byte Slot { get; init; }
}

/// <summary>ERROR (ignored by the channel).</summary>
public sealed record MessengerErrorBody
{
    public string Type { get; init => field = value ?? ""; } = "";
    public string CharacterName { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_MESSENGER (produced).

public static class MessengerCommandTypes
{
    public const string Create = "CREATE";
    public const string Leave = "LEAVE";
    public const string RequestInvite = "REQUEST_INVITE";
}

public sealed record MessengerCommand<TBody>
    where TBody : new()
{
    public uint ActorId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record MessengerLeaveBody
{
    public uint MessengerId { get; init; }
}

public sealed record MessengerRequestInviteBody
{
    /// <summary>The invited character.</summary>
    public uint CharacterId { get; init; }
}

internal static class MessengerContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventMessengerStatus, MessageDirection.Consumed, MessageKey.Of("messengerId"))
            .Add<MessengerStatusEvent<MessengerSlotBody>>(MessengerStatusTypes.Joined)
            .Add<MessengerStatusEvent<MessengerSlotBody>>(MessengerStatusTypes.Left)
            .Add<MessengerStatusEvent<EmptyBody>>(MessengerStatusTypes.Created)
            .Add<MessengerStatusEvent<MessengerErrorBody>>(MessengerStatusTypes.Error);

        catalog.Typed(Topics.CommandMessenger, MessageDirection.Produced, MessageKey.Of("actorId"))
            .Add<MessengerCommand<EmptyBody>>(MessengerCommandTypes.Create)
            .Add<MessengerCommand<MessengerLeaveBody>>(MessengerCommandTypes.Leave)
            .Add<MessengerCommand<MessengerRequestInviteBody>>(MessengerCommandTypes.RequestInvite);
    }
}
