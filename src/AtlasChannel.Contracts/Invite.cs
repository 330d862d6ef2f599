namespace AtlasChannel.Contracts;

// EVENT_TOPIC_INVITE_STATUS (consumed, from the invites service).

public static class InviteStatusTypes
{
    public const string Created = "CREATED";
    public const string Accepted = "ACCEPTED";
    public const string Rejected = "REJECTED";
}

public static class InviteKinds
{
    public const string Buddy = "BUDDY";
    public const string Family = "FAMILY";
    public const string FamilySummon = "FAMILY_SUMMON";
    public const string Messenger = "MESSENGER";
    public const string Trade = "TRADE";
    public const string Party = "PARTY";
    public const string Guild = "GUILD";
    public const string Alliance = "ALLIANCE";
}

public sealed record InviteStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }

    /// <summary>See <see cref="InviteKinds"/>.</summary>
    public string InviteType { get; init => field = value ?? ""; } = "";

    /// <summary>Party / guild / messenger id; for BUDDY the originator's character id.</summary>
    public uint ReferenceId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record InviteParticipantsBody
{
    public uint OriginatorId { get; init; }
    public uint TargetId { get; init; }
}

// COMMAND_TOPIC_INVITE (produced).

public static class InviteCommandTypes
{
    public const string Accept = "ACCEPT";
    public const string Reject = "REJECT";
}

public sealed record InviteCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public string InviteType { get; init => field = value ?? ""; } = "";
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record InviteAcceptBody
{
    /// <summary>The acting (accepting) character.</summary>
    public uint TargetId { get; init; }

    public uint ReferenceId { get; init; }
}

public sealed record InviteRejectBody
{
    /// <summary>The acting (rejecting) character.</summary>
    public uint TargetId { get; init; }

    public uint OriginatorId { get; init; }
}

internal static class InviteContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventInviteStatus, MessageDirection.Consumed, MessageKey.Of("referenceId"))
            .Add<InviteStatusEvent<InviteParticipantsBody>>(InviteStatusTypes.Created)
            .Add<InviteStatusEvent<InviteParticipantsBody>>(InviteStatusTypes.Accepted)
            .Add<InviteStatusEvent<InviteParticipantsBody>>(InviteStatusTypes.Rejected);

        catalog.Typed(Topics.CommandInvite, MessageDirection.Produced, MessageKey.Of("body.targetId"))
            .Add<InviteCommand<InviteAcceptBody>>(InviteCommandTypes.Accept)
            .Add<InviteCommand<InviteRejectBody>>(InviteCommandTypes.Reject);
    }
}
