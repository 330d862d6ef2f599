namespace AtlasChannel.Contracts;

// EVENT_TOPIC_REACTOR_STATUS (consumed, from the reactors service).

public static class ReactorStatusTypes
{
    public const string Created = "CREATED";
    public const string Destroyed = "DESTROYED";
    public const string Hit = "HIT";
}

public sealed record ReactorStatusEvent<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint ReactorId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ReactorCreatedBody
{
    public uint Classification { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
    public sbyte State { get; init; }
    public byte EventState { get; init; }
    public uint Delay { get; init; }
    public byte Direction { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
    public DateTimeOffset UpdateTime { get; init; }
}

public sealed record ReactorDestroyedBody
{
    public sbyte State { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
}

public sealed record ReactorHitEventBody
{
    public uint Classification { get; init; }
    public sbyte State { get; init; }
    public short X { get; init; }
    public short Y { get; init; }
    public byte Direction { get; init; }
    public bool Destroyed { get; init; }
}

// COMMAND_TOPIC_REACTOR (produced).

public static class ReactorCommandTypes
{
    public const string Hit = "HIT";
}

public sealed record ReactorCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record ReactorHitCommandBody
{
    public uint ReactorId { get; init; }
    public uint CharacterId { get; init; }
    public ushort Stance { get; init; }
    public uint SkillId { get; init; }
}

internal static class ReactorContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventReactorStatus, MessageDirection.Consumed, MessageKey.Of("reactorId"))
            .Add<ReactorStatusEvent<ReactorCreatedBody>>(ReactorStatusTypes.Created)
            .Add<ReactorStatusEvent<ReactorDestroyedBody>>(ReactorStatusTypes.Destroyed)
            .Add<ReactorStatusEvent<ReactorHitEventBody>>(ReactorStatusTypes.Hit);

        catalog.Typed(Topics.CommandReactor, MessageDirection.Produced, MessageKey.Of("body.reactorId"))
            .Add<ReactorCommand<ReactorHitCommandBody>>(ReactorCommandTypes.Hit);
    }
}
