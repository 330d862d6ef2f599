namespace AtlasChannel.Contracts;

// EVENT_TOPIC_MAP_STATUS (consumed, from the maps service).

public static class MapStatusTypes
{
    public const string CharacterEnter = "CHARACTER_ENTER";
    public const string CharacterExit = "CHARACTER_EXIT";
}

public sealed record MapStatusEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record MapCharacterBody
{
    public uint CharacterId { get; init; }
}

internal static class MapContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Typed(Topics.EventMapStatus, MessageDirection.Consumed, MessageKey.Of("mapId"))
            .Add<MapStatusEvent<MapCharacterBody>>(MapStatusTypes.CharacterEnter)
            .Add<MapStatusEvent<MapCharacterBody>>(MapStatusTypes.CharacterExit);
}
