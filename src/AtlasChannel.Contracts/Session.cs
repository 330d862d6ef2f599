namespace AtlasChannel.Contracts;

// EVENT_TOPIC_SESSION_STATUS (produced) — flat: has `type`, no `body`.

public static class SessionStatusTypes
{
    public const string Created = "CREATED";
    public const string Destroyed = "DESTROYED";

    /// <summary>The <c>issuer</c> this service always writes (the login service writes <c>LOGIN</c>).</summary>
    public const string ChannelIssuer = "CHANNEL";
}

public sealed record SessionStatusEvent
{
    public Guid SessionId { get; init; }
    public uint AccountId { get; init; }
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public string Issuer { get; init => field = value ?? ""; } = "";
    public string Type { get; init => field = value ?? ""; } = "";
}

internal static class SessionContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Typed(Topics.EventSessionStatus, MessageDirection.Produced, MessageKey.Of("characterId"))
            .Add<SessionStatusEvent>(SessionStatusTypes.Created)
            .Add<SessionStatusEvent>(SessionStatusTypes.Destroyed);
}
