namespace AtlasChannel.Contracts;

// EVENT_TOPIC_PARTY_STATUS (consumed, from the parties service).

public static class PartyStatusTypes
{
    public const string Created = "CREATED";
    public const string Joined = "JOINED";
    public const string Left = "LEFT";
    public const string Expel = "EXPEL";
    public const string Disband = "DISBAND";
    public const string ChangeLeader = "CHANGE_LEADER";
    public const string Error = "ERROR";
}

public sealed record PartyStatusEvent<TBody>
    where TBody : new()
{
    public uint ActorId { get; init; }
    public byte WorldId { get; init; }
    public uint PartyId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>EXPEL event; REQUEST_INVITE command (the target).</summary>
public sealed record PartyCharacterBody
{
    public uint CharacterId { get; init; }
}

public sealed record PartyDisbandBody
{
    public IReadOnlyList<uint> Members { get; init => field = value ?? []; } = [];
}

public sealed record PartyChangeLeaderEventBody
{
    public uint CharacterId { get; init; }
    public bool Disconnected { get; init; }
}

public sealed record PartyErrorBody
{
    /// <summary>A writer key, e.g. <c>A_BEGINNER_CANT_CREATE_A_PARTY</c>.</summary>
    public string Type { get; init => field = value ?? ""; } = "";

    public string CharacterName { get; init => field = value ?? ""; } = "";
}

// EVENT_TOPIC_PARTY_MEMBER_STATUS (consumed).

public static class PartyMemberStatusTypes
{
    public const string Login = "LOGIN";
    public const string Logout = "LOGOUT";
    public const string LevelChanged = "LEVEL_CHANGED";
    public const string JobChanged = "JOB_CHANGED";
}

public sealed record PartyMemberStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public uint PartyId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>LEVEL_CHANGED (ignored by the channel).</summary>
public sealed record PartyMemberLevelChangedBody
{
    public byte OldLevel { get; init; }
    public byte NewLevel { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
}

/// <summary>JOB_CHANGED (ignored by the channel).</summary>
public sealed record PartyMemberJobChangedBody
{
    public ushort OldJobId { get; init; }
    public ushort NewJobId { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_PARTY (produced).

public static class PartyCommandTypes
{
    public const string Create = "CREATE";
    public const string Leave = "LEAVE";
    public const string ChangeLeader = "CHANGE_LEADER";
    public const string RequestInvite = "REQUEST_INVITE";
}

public sealed record PartyCommand<TBody>
    where TBody : new()
{
    public uint ActorId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>
/// LEAVE; <c>force = true</c> is the leader's expel. Upstream bug (both sides agree): the target is never sent, so
/// the parties service expels <c>actorId</c>, i.e. the leader. Kept for wire parity; a working kick needs a contract change.
/// </summary>
public sealed record PartyLeaveBody
{
    public uint PartyId { get; init; }
    public bool Force { get; init; }
}

public sealed record PartyChangeLeaderCommandBody
{
    public uint PartyId { get; init; }
    public uint LeaderId { get; init; }
}

internal static class PartyContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventPartyStatus, MessageDirection.Consumed, MessageKey.Of("partyId"))
            .Add<PartyStatusEvent<EmptyBody>>(PartyStatusTypes.Created)
            .Add<PartyStatusEvent<EmptyBody>>(PartyStatusTypes.Joined)
            .Add<PartyStatusEvent<EmptyBody>>(PartyStatusTypes.Left)
            .Add<PartyStatusEvent<PartyCharacterBody>>(PartyStatusTypes.Expel)
            .Add<PartyStatusEvent<PartyDisbandBody>>(PartyStatusTypes.Disband)
            .Add<PartyStatusEvent<PartyChangeLeaderEventBody>>(PartyStatusTypes.ChangeLeader)
            .Add<PartyStatusEvent<PartyErrorBody>>(PartyStatusTypes.Error);

        catalog.Typed(Topics.EventPartyMemberStatus, MessageDirection.Consumed, MessageKey.Of("partyId"))
            .Add<PartyMemberStatusEvent<EmptyBody>>(PartyMemberStatusTypes.Login)
            .Add<PartyMemberStatusEvent<EmptyBody>>(PartyMemberStatusTypes.Logout)
            .Add<PartyMemberStatusEvent<PartyMemberLevelChangedBody>>(PartyMemberStatusTypes.LevelChanged)
            .Add<PartyMemberStatusEvent<PartyMemberJobChangedBody>>(PartyMemberStatusTypes.JobChanged);

        catalog.Typed(Topics.CommandParty, MessageDirection.Produced, MessageKey.Of("actorId"))
            .Add<PartyCommand<EmptyBody>>(PartyCommandTypes.Create)
            .Add<PartyCommand<PartyLeaveBody>>(PartyCommandTypes.Leave)
            .Add<PartyCommand<PartyChangeLeaderCommandBody>>(PartyCommandTypes.ChangeLeader)
            .Add<PartyCommand<PartyCharacterBody>>(PartyCommandTypes.RequestInvite);
    }
}
