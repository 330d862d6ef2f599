namespace AtlasChannel.Contracts;

// EVENT_TOPIC_NOTE_STATUS (consumed, from the notes service).

public static class NoteStatusTypes
{
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string Deleted = "DELETED";
}

public sealed record NoteStatusEvent<TBody>
    where TBody : new()
{
    /// <summary>The recipient.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary>CREATED and UPDATED.</summary>
public sealed record NoteBody
{
    public uint NoteId { get; init; }
    public uint SenderId { get; init; }
    public string Message { get; init => field = value ?? ""; } = "";
    public byte Flag { get; init; }
    public DateTimeOffset Time { get; init; }
}

public sealed record NoteDeletedBody
{
    public uint NoteId { get; init; }
}

// COMMAND_TOPIC_NOTE (produced).

public static class NoteCommandTypes
{
    public const string Create = "CREATE";
    public const string Discard = "DISCARD";
}

public sealed record NoteCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }

    /// <summary>CREATE: the recipient; DISCARD: the owner.</summary>
    public uint CharacterId { get; init; }

    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record NoteCreateBody
{
    public uint SenderId { get; init; }
    public string Message { get; init => field = value ?? ""; } = "";

    /// <summary>Always 1.</summary>
    public byte Flag { get; init; }
}

public sealed record NoteDiscardBody
{
    public IReadOnlyList<uint> NoteIds { get; init => field = value ?? []; } = [];
}

internal static class NoteContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventNoteStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<NoteStatusEvent<NoteBody>>(NoteStatusTypes.Created)
            .Add<NoteStatusEvent<NoteBody>>(NoteStatusTypes.Updated)
            .Add<NoteStatusEvent<NoteDeletedBody>>(NoteStatusTypes.Deleted);

        catalog.Typed(Topics.CommandNote, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<NoteCommand<NoteCreateBody>>(NoteCommandTypes.Create, keyOverride: MessageKey.Of("body.senderId"))
            .Add<NoteCommand<NoteDiscardBody>>(NoteCommandTypes.Discard);
    }
}
