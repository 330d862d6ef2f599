namespace AtlasChannel.Contracts;

// COMMAND_TOPIC_PORTAL (produced).

public static class PortalCommandTypes
{
    public const string Enter = "ENTER";
}

public sealed record PortalCommand<TBody>
    where TBody : new()
{
    public byte WorldId { get; init; }
    public byte ChannelId { get; init; }
    public uint MapId { get; init; }
    public Guid Instance { get; init; }
    public uint PortalId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record PortalEnterBody
{
    public uint CharacterId { get; init; }
}

internal static class PortalContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Typed(Topics.CommandPortal, MessageDirection.Produced, MessageKey.Of("portalId"))
            .Add<PortalCommand<PortalEnterBody>>(PortalCommandTypes.Enter);
}
