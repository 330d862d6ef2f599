namespace AtlasChannel.Contracts;

// COMMAND_TOPIC_CHARACTER_MOVEMENT / COMMAND_TOPIC_MONSTER_MOVEMENT / COMMAND_TOPIC_PET_MOVEMENT (produced) — one
// untyped flat shape.

public sealed record MovementCommand
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }

    /// <summary>Character id, monster unique id or pet id, depending on the topic.</summary>
    public ulong ObjectId { get; init; }

    /// <summary>The character whose client reported the movement (for monsters: the controller).</summary>
    public uint ObserverId { get; init; }

    public short X { get; init; }
    public short Y { get; init; }
    public byte Stance { get; init; }
}

internal static class MovementContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Untyped<MovementCommand>(Topics.CommandCharacterMovement, MessageDirection.Produced, MessageKey.Of("objectId"));
        catalog.Untyped<MovementCommand>(Topics.CommandMonsterMovement, MessageDirection.Produced, MessageKey.Of("objectId"));
        catalog.Untyped<MovementCommand>(Topics.CommandPetMovement, MessageDirection.Produced, MessageKey.Of("objectId"));
    }
}
