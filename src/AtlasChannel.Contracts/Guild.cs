namespace AtlasChannel.Contracts;

// EVENT_TOPIC_GUILD_STATUS (consumed, from the guilds service).

public static class GuildStatusTypes
{
    public const string RequestAgreement = "REQUEST_AGREEMENT";
    public const string Created = "CREATED";
    public const string Disbanded = "DISBANDED";
    public const string EmblemUpdated = "EMBLEM_UPDATED";
    public const string MemberStatusUpdated = "MEMBER_STATUS_UPDATED";
    public const string MemberTitleUpdated = "MEMBER_TITLE_UPDATED";
    public const string MemberLeft = "MEMBER_LEFT";
    public const string MemberJoined = "MEMBER_JOINED";
    public const string NoticeUpdated = "NOTICE_UPDATED";
    public const string CapacityUpdated = "CAPACITY_UPDATED";
    public const string TitlesUpdated = "TITLES_UPDATED";
    public const string Error = "ERROR";
}

public sealed record GuildStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public uint GuildId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record GuildRequestAgreementBody
{
    public uint ActorId { get; init; }
    public string ProposedName { get; init => field = value ?? ""; } = "";
}

public sealed record GuildDisbandedBody
{
    public IReadOnlyList<uint> Members { get; init => field = value ?? []; } = [];
}

/// <summary>EMBLEM_UPDATED event body (the CHANGE_EMBLEM command adds the guild id).</summary>
public sealed record GuildEmblemBody
{
    public ushort Logo { get; init; }
    public byte LogoColor { get; init; }
    public ushort LogoBackground { get; init; }
    public byte LogoBackgroundColor { get; init; }
}

public sealed record GuildMemberStatusUpdatedBody
{
    public uint CharacterId { get; init; }
    public bool Online { get; init; }
}

public sealed record GuildMemberTitleUpdatedBody
{
    public uint CharacterId { get; init; }
    public byte Title { get; init; }
}

public sealed record GuildMemberLeftBody
{
    public uint CharacterId { get; init; }

    /// <summary>True when expelled.</summary>
    public bool Force { get; init; }
}

public sealed record GuildMemberJoinedBody
{
    public uint CharacterId { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
    public ushort JobId { get; init; }
    public byte Level { get; init; }
    public byte Title { get; init; }
    public bool Online { get; init; }
    public byte AllianceTitle { get; init; }
}

public sealed record GuildNoticeUpdatedBody
{
    public string Notice { get; init => field = value ?? ""; } = "";
}

public sealed record GuildCapacityUpdatedBody
{
    public uint Capacity { get; init; }
}

/// <summary>TITLES_UPDATED event and CHANGE_TITLES command (five titles).</summary>
public sealed record GuildTitlesBody
{
    public uint GuildId { get; init; }
    public IReadOnlyList<string> Titles { get; init => field = value ?? []; } = [];
}

public sealed record GuildErrorBody
{
    public uint ActorId { get; init; }

    /// <summary>A guild writer key, e.g. <c>THE_NAME_IS_ALREADY_IN_USE_PLEASE_TRY_OTHER_ONES</c>.</summary>
    public string Error { get; init => field = value ?? ""; } = "";
}

// EVENT_TOPIC_GUILD_THREAD_STATUS (consumed).

public static class GuildThreadStatusTypes
{
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string ReplyAdded = "REPLY_ADDED";
    public const string ReplyDeleted = "REPLY_DELETED";
    public const string Deleted = "DELETED";
}

public sealed record GuildThreadStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public uint GuildId { get; init; }
    public uint ActorId { get; init; }
    public uint ThreadId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record GuildThreadReplyBody
{
    public uint ReplyId { get; init; }
}

// COMMAND_TOPIC_GUILD (produced for player actions; consumed for REQUEST_NAME / REQUEST_EMBLEM).

public static class GuildCommandTypes
{
    public const string RequestCreate = "REQUEST_CREATE";
    public const string CreationAgreement = "CREATION_AGREEMENT";
    public const string ChangeEmblem = "CHANGE_EMBLEM";
    public const string ChangeNotice = "CHANGE_NOTICE";
    public const string Leave = "LEAVE";
    public const string RequestInvite = "REQUEST_INVITE";
    public const string ChangeTitles = "CHANGE_TITLES";
    public const string ChangeMemberTitle = "CHANGE_MEMBER_TITLE";

    // Consumed (sent by the saga orchestrator).
    public const string RequestName = "REQUEST_NAME";
    public const string RequestEmblem = "REQUEST_EMBLEM";
}

/// <summary>Guild commands the channel produces (no transaction id).</summary>
public sealed record GuildCommand<TBody>
    where TBody : new()
{
    /// <summary>The requester; for a kick (LEAVE with force) the expelled member.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>Guild commands the channel consumes (REQUEST_NAME / REQUEST_EMBLEM): the orchestrator adds a transaction id.</summary>
public sealed record GuildRequestCommand<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>REQUEST_NAME / REQUEST_EMBLEM (filtered on these, not an envelope field).</summary>
public sealed record GuildRequestFieldBody
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
}

public sealed record GuildRequestCreateBody
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
}

public sealed record GuildCreationAgreementBody
{
    public bool Agreed { get; init; }
}

public sealed record GuildChangeEmblemBody
{
    public uint GuildId { get; init; }
    public ushort Logo { get; init; }
    public byte LogoColor { get; init; }
    public ushort LogoBackground { get; init; }
    public byte LogoBackgroundColor { get; init; }
}

public sealed record GuildChangeNoticeBody
{
    public uint GuildId { get; init; }
    public string Notice { get; init => field = value ?? ""; } = "";
}

public sealed record GuildLeaveBody
{
    public uint GuildId { get; init; }

    /// <summary>True for a kick.</summary>
    public bool Force { get; init; }
}

public sealed record GuildRequestInviteBody
{
    public uint GuildId { get; init; }
    public uint TargetId { get; init; }
}

public sealed record GuildChangeMemberTitleBody
{
    public uint GuildId { get; init; }
    public uint TargetId { get; init; }
    public byte Title { get; init; }
}

// COMMAND_TOPIC_GUILD_THREAD (produced).

public static class GuildThreadCommandTypes
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string AddReply = "ADD_REPLY";
    public const string DeleteReply = "DELETE_REPLY";
}

public sealed record GuildThreadCommand<TBody>
    where TBody : new()
{
    public uint GuildId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record GuildThreadCreateBody
{
    public bool Notice { get; init; }
    public string Title { get; init => field = value ?? ""; } = "";
    public string Message { get; init => field = value ?? ""; } = "";
    public uint EmoticonId { get; init; }
}

public sealed record GuildThreadUpdateBody
{
    public uint ThreadId { get; init; }
    public bool Notice { get; init; }
    public string Title { get; init => field = value ?? ""; } = "";
    public string Message { get; init => field = value ?? ""; } = "";
    public uint EmoticonId { get; init; }
}

public sealed record GuildThreadIdBody
{
    public uint ThreadId { get; init; }
}

public sealed record GuildThreadAddReplyBody
{
    public uint ThreadId { get; init; }
    public string Message { get; init => field = value ?? ""; } = "";
}

public sealed record GuildThreadDeleteReplyBody
{
    public uint ThreadId { get; init; }
    public uint ReplyId { get; init; }
}

internal static class GuildContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        var byActor = MessageKey.Of("body.actorId");
        catalog.Typed(Topics.EventGuildStatus, MessageDirection.Consumed, MessageKey.Of("guildId"))
            .Add<GuildStatusEvent<GuildRequestAgreementBody>>(GuildStatusTypes.RequestAgreement, keyOverride: byActor)
            .Add<GuildStatusEvent<EmptyBody>>(GuildStatusTypes.Created)
            .Add<GuildStatusEvent<GuildDisbandedBody>>(GuildStatusTypes.Disbanded)
            .Add<GuildStatusEvent<GuildEmblemBody>>(GuildStatusTypes.EmblemUpdated)
            .Add<GuildStatusEvent<GuildMemberStatusUpdatedBody>>(GuildStatusTypes.MemberStatusUpdated)
            .Add<GuildStatusEvent<GuildMemberTitleUpdatedBody>>(GuildStatusTypes.MemberTitleUpdated)
            .Add<GuildStatusEvent<GuildMemberLeftBody>>(GuildStatusTypes.MemberLeft)
            .Add<GuildStatusEvent<GuildMemberJoinedBody>>(GuildStatusTypes.MemberJoined)
            .Add<GuildStatusEvent<GuildNoticeUpdatedBody>>(GuildStatusTypes.NoticeUpdated)
            .Add<GuildStatusEvent<GuildCapacityUpdatedBody>>(GuildStatusTypes.CapacityUpdated)
            .Add<GuildStatusEvent<GuildTitlesBody>>(GuildStatusTypes.TitlesUpdated)
            .Add<GuildStatusEvent<GuildErrorBody>>(GuildStatusTypes.Error, keyOverride: byActor);

        catalog.Typed(Topics.EventGuildThreadStatus, MessageDirection.Consumed, MessageKey.Of("guildId"))
            .Add<GuildThreadStatusEvent<EmptyBody>>(GuildThreadStatusTypes.Created)
            .Add<GuildThreadStatusEvent<EmptyBody>>(GuildThreadStatusTypes.Updated)
            .Add<GuildThreadStatusEvent<GuildThreadReplyBody>>(GuildThreadStatusTypes.ReplyAdded)
            .Add<GuildThreadStatusEvent<GuildThreadReplyBody>>(GuildThreadStatusTypes.ReplyDeleted)
            .Add<GuildThreadStatusEvent<EmptyBody>>(GuildThreadStatusTypes.Deleted);

        catalog.Typed(Topics.CommandGuild, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<GuildCommand<GuildRequestCreateBody>>(GuildCommandTypes.RequestCreate)
            .Add<GuildCommand<GuildCreationAgreementBody>>(GuildCommandTypes.CreationAgreement)
            .Add<GuildCommand<GuildChangeEmblemBody>>(GuildCommandTypes.ChangeEmblem)
            .Add<GuildCommand<GuildChangeNoticeBody>>(GuildCommandTypes.ChangeNotice)
            .Add<GuildCommand<GuildLeaveBody>>(GuildCommandTypes.Leave)
            .Add<GuildCommand<GuildRequestInviteBody>>(GuildCommandTypes.RequestInvite)
            .Add<GuildCommand<GuildTitlesBody>>(GuildCommandTypes.ChangeTitles)
            .Add<GuildCommand<GuildChangeMemberTitleBody>>(GuildCommandTypes.ChangeMemberTitle)
            .Add<GuildRequestCommand<GuildRequestFieldBody>>(GuildCommandTypes.RequestName, MessageDirection.Consumed)
            .Add<GuildRequestCommand<GuildRequestFieldBody>>(GuildCommandTypes.RequestEmblem, MessageDirection.Consumed);

        catalog.Typed(Topics.CommandGuildThread, MessageDirection.Produced, MessageKey.Of("guildId"))
            .Add<GuildThreadCommand<GuildThreadCreateBody>>(GuildThreadCommandTypes.Create)
            .Add<GuildThreadCommand<GuildThreadUpdateBody>>(GuildThreadCommandTypes.Update)
            .Add<GuildThreadCommand<GuildThreadIdBody>>(GuildThreadCommandTypes.Delete)
            .Add<GuildThreadCommand<GuildThreadAddReplyBody>>(GuildThreadCommandTypes.AddReply)
            .Add<GuildThreadCommand<GuildThreadDeleteReplyBody>>(GuildThreadCommandTypes.DeleteReply);
    }
}
