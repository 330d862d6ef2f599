namespace AtlasChannel.Contracts;

// COMMAND_TOPIC_CHANNEL_STATUS (consumed, from the world service) — flat `{type}`.
// The reference handler reacts to any decodable message regardless of `type`; we register the one type it is sent with.

public static class ChannelStatusCommandTypes
{
    public const string StatusRequest = "STATUS_REQUEST";
}

public sealed record ChannelStatusCommand
{
    public string Type { get; init => field = value ?? ""; } = "";
}

internal static class ChannelContracts
{
    public static void Register(ContractCatalogBuilder catalog) =>
        catalog.Typed(Topics.CommandChannelStatus, MessageDirection.Consumed, MessageKey.TenantId)
            .Add<ChannelStatusCommand>(ChannelStatusCommandTypes.StatusRequest);
}
