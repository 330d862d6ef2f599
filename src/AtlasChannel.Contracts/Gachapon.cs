namespace AtlasChannel.Contracts;

// EVENT_TOPIC_GACHAPON_REWARD_WON (consumed, from the saga orchestrator) — untyped flat shape.

public sealed record GachaponRewardWonEvent
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }

    /// <summary>Won item template.</summary>
    public uint ItemId { get; init; }

    public uint Quantity { get; init; }

    /// <summary><c>common</c>, <c>uncommon</c> or <c>rare</c>.</summary>
    public string Tier { get; init => field = value ?? ""; } = "";

    public string GachaponId { get; init => field = value ?? ""; } = "";
    public string GachaponName { get; init => field = value ?? ""; } = "";

    /// <summary>Asset created in the winner's inventory.</summary>
    public uint AssetId { get; init; }
}

internal static class GachaponContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Untyped<GachaponRewardWonEvent>(Topics.EventGachaponRewardWon, MessageDirection.Consumed, MessageKey.Of("characterId"));
}
