using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_QUEST_STATUS (consumed, from the quest service).

public static class QuestStatusTypes
{
    public const string Started = "STARTED";
    public const string ProgressUpdated = "PROGRESS_UPDATED";
    public const string Completed = "COMPLETED";
    public const string Forfeited = "FORFEITED";
    public const string Error = "ERROR";
}

public sealed record QuestStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record QuestStartedBody
{
    public uint QuestId { get; init; }
    public string Progress { get; init => field = value ?? ""; } = "";
}

public sealed record QuestProgressUpdatedBody
{
    public uint QuestId { get; init; }

    /// <summary>Sent by the quest service; ignored by the channel.</summary>
    public uint InfoNumber { get; init; }

    public string Progress { get; init => field = value ?? ""; } = "";
}

public sealed record QuestCompletedBody
{
    public uint QuestId { get; init; }
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Go <c>omitempty</c> slice: null (omitted) when absent or empty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<QuestRewardItem>? Items { get; init => field = value is { Count: > 0 } ? value : null; }
}

public sealed record QuestRewardItem
{
    public uint ItemId { get; init; }
    public int Amount { get; init; }
}

public sealed record QuestIdBody
{
    public uint QuestId { get; init; }
}

/// <summary>ERROR (ignored by the channel).</summary>
public sealed record QuestErrorBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint QuestId { get; init; }

    public string Error { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_QUEST (produced).

public static class QuestCommandTypes
{
    public const string Start = "START";
    public const string Complete = "COMPLETE";
    public const string Forfeit = "FORFEIT";
    public const string RestoreItem = "RESTORE_ITEM";
}

public sealed record QuestCommand<TBody>
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

public sealed record QuestStartBody
{
    public uint QuestId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint NpcId { get; init; }

    /// <summary>Always false from the channel, hence always omitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Force { get; init; }
}

public sealed record QuestCompleteBody
{
    public uint QuestId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public uint NpcId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Selection { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Force { get; init; }
}

public sealed record QuestRestoreItemBody
{
    public uint QuestId { get; init; }
    public uint ItemId { get; init; }
}

// COMMAND_TOPIC_QUEST_CONVERSATION (produced).

public static class QuestConversationCommandTypes
{
    public const string StartQuestConversation = "START_QUEST_CONVERSATION";
}

public sealed record QuestConversationCommand<TBody>
    where TBody : new()
{
    public uint QuestId { get; init; }
    public uint NpcId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record QuestConversationFieldBody
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
}

internal static class QuestContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventQuestStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<QuestStatusEvent<QuestStartedBody>>(QuestStatusTypes.Started)
            .Add<QuestStatusEvent<QuestProgressUpdatedBody>>(QuestStatusTypes.ProgressUpdated)
            .Add<QuestStatusEvent<QuestCompletedBody>>(QuestStatusTypes.Completed)
            .Add<QuestStatusEvent<QuestIdBody>>(QuestStatusTypes.Forfeited)
            .Add<QuestStatusEvent<QuestErrorBody>>(QuestStatusTypes.Error);

        catalog.Typed(Topics.CommandQuest, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<QuestCommand<QuestStartBody>>(QuestCommandTypes.Start)
            .Add<QuestCommand<QuestCompleteBody>>(QuestCommandTypes.Complete)
            .Add<QuestCommand<QuestIdBody>>(QuestCommandTypes.Forfeit)
            .Add<QuestCommand<QuestRestoreItemBody>>(QuestCommandTypes.RestoreItem);

        catalog.Typed(Topics.CommandQuestConversation, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<QuestConversationCommand<QuestConversationFieldBody>>(QuestConversationCommandTypes.StartQuestConversation);
    }
}
