namespace AtlasChannel.Contracts;

// EVENT_TOPIC_EXPRESSION (consumed) and COMMAND_TOPIC_EXPRESSION (produced) — untyped flat shapes; the event also
// carries the expressions service's transactionId.

public sealed record ExpressionEvent
{
    public Guid TransactionId { get; init; }
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>Emote id.</summary>
    public uint Expression { get; init; }
}

public sealed record ExpressionCommand
{
    public uint CharacterId { get; init; }
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint Expression { get; init; }
}

internal static class ExpressionContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Untyped<ExpressionEvent>(Topics.EventExpression, MessageDirection.Consumed, MessageKey.Of("characterId"));
        catalog.Untyped<ExpressionCommand>(Topics.CommandExpression, MessageDirection.Produced, MessageKey.Of("characterId"));
    }
}
