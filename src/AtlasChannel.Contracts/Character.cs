using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_CHARACTER_STATUS (consumed, mainly from the character service).

public static class CharacterStatusTypes
{
    public const string StatChanged = "STAT_CHANGED";
    public const string MapChanged = "MAP_CHANGED";
    public const string ExperienceChanged = "EXPERIENCE_CHANGED";
    public const string FameChanged = "FAME_CHANGED";
    public const string MesoChanged = "MESO_CHANGED";
    public const string LevelChanged = "LEVEL_CHANGED";
}

public sealed record CharacterStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record CharacterStatChangedBody
{
    /// <summary>0 for changes not tied to a channel (AP/SP distribution, failure echoes).</summary>
    public byte ChannelId { get; init; }

    public bool ExclRequestSent { get; init; }

    /// <summary><c>stat.Type</c> names (<c>STRENGTH</c>, <c>HP</c>, …); empty on failures.</summary>
    public IReadOnlyList<string> Updates { get; init => field = value ?? []; } = [];

    /// <summary>Go <c>map[string]interface{}</c> with <c>omitempty</c>: null (omitted) when absent or empty. Ignored by the channel.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Values { get; init => field = value is { Count: > 0 } ? value : null; }
}

public sealed record CharacterMapChangedBody
{
    public byte ChannelId { get; init; }
    public uint OldMapId { get; init; }
    public Guid OldInstance { get; init; }
    public uint TargetMapId { get; init; }
    public Guid TargetInstance { get; init; }
    public uint TargetPortalId { get; init; }
}

public sealed record CharacterExperienceChangedBody
{
    public byte ChannelId { get; init; }
    public uint Current { get; init; }
    public IReadOnlyList<ExperienceDistribution> Distributions { get; init => field = value ?? []; } = [];
}

public sealed record ExperienceDistribution
{
    /// <summary><c>WHITE</c>, <c>YELLOW</c>, <c>CHAT</c>, <c>PARTY</c>, … (see character.md).</summary>
    public string ExperienceType { get; init => field = value ?? ""; } = "";

    public uint Amount { get; init; }
    public uint Attr1 { get; init; }
}

public sealed record CharacterFameChangedBody
{
    public uint ActorId { get; init; }
    public string ActorType { get; init => field = value ?? ""; } = "";
    public sbyte Amount { get; init; }
}

/// <summary>The producer sends actor fields; the channel reads only <see cref="Amount"/>.</summary>
public sealed record CharacterMesoChangedBody
{
    public uint ActorId { get; init; }
    public string ActorType { get; init => field = value ?? ""; } = "";
    public int Amount { get; init; }
}

public sealed record CharacterLevelChangedBody
{
    public byte ChannelId { get; init; }
    public byte Amount { get; init; }
    public byte Current { get; init; }
}

// COMMAND_TOPIC_CHARACTER (produced).

public static class CharacterCommandTypes
{
    public const string RequestDistributeAp = "REQUEST_DISTRIBUTE_AP";
    public const string RequestDistributeSp = "REQUEST_DISTRIBUTE_SP";
    public const string RequestDropMeso = "REQUEST_DROP_MESO";
    public const string ChangeHp = "CHANGE_HP";
    public const string ChangeMp = "CHANGE_MP";
}

public sealed record CharacterCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record CharacterDistributeApBody
{
    public IReadOnlyList<AbilityDistribution> Distributions { get; init => field = value ?? []; } = [];
}

public sealed record AbilityDistribution
{
    /// <summary><c>STRENGTH</c>, <c>DEXTERITY</c>, <c>INTELLIGENCE</c>, <c>LUCK</c>, <c>HP</c>, <c>MP</c>.</summary>
    public string Ability { get; init => field = value ?? ""; } = "";

    public sbyte Amount { get; init; }
}

public sealed record CharacterDistributeSpBody
{
    /// <summary>The JSON key really is <c>skilId</c> (sic) on both sides.</summary>
    [JsonPropertyName("skilId")]
    public uint SkillId { get; init; }

    public sbyte Amount { get; init; }
}

public sealed record CharacterDropMesoBody
{
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public uint Amount { get; init; }
}

/// <summary>CHANGE_HP / CHANGE_MP: a signed delta.</summary>
public sealed record CharacterChangePoolBody
{
    public byte ChannelId { get; init; }
    public short Amount { get; init; }
}

internal static class CharacterContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventCharacterStatus, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<CharacterStatusEvent<CharacterStatChangedBody>>(CharacterStatusTypes.StatChanged)
            .Add<CharacterStatusEvent<CharacterMapChangedBody>>(CharacterStatusTypes.MapChanged)
            .Add<CharacterStatusEvent<CharacterExperienceChangedBody>>(CharacterStatusTypes.ExperienceChanged)
            .Add<CharacterStatusEvent<CharacterFameChangedBody>>(CharacterStatusTypes.FameChanged)
            .Add<CharacterStatusEvent<CharacterMesoChangedBody>>(CharacterStatusTypes.MesoChanged)
            .Add<CharacterStatusEvent<CharacterLevelChangedBody>>(CharacterStatusTypes.LevelChanged);

        catalog.Typed(Topics.CommandCharacter, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<CharacterCommand<CharacterDistributeApBody>>(CharacterCommandTypes.RequestDistributeAp)
            .Add<CharacterCommand<CharacterDistributeSpBody>>(CharacterCommandTypes.RequestDistributeSp)
            .Add<CharacterCommand<CharacterDropMesoBody>>(CharacterCommandTypes.RequestDropMeso)
            .Add<CharacterCommand<CharacterChangePoolBody>>(CharacterCommandTypes.ChangeHp)
            .Add<CharacterCommand<CharacterChangePoolBody>>(CharacterCommandTypes.ChangeMp);
    }
}
