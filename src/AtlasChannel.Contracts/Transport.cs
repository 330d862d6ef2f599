namespace AtlasChannel.Contracts;

// EVENT_TOPIC_TRANSPORT_STATUS (consumed; keyed by the route id as ASCII text).
// The reference handler applies no tenant filter at all; consumers should apply the normal full-tenant filter.

public static class TransportStatusTypes
{
    public const string Arrived = "ARRIVED";
    public const string Departed = "DEPARTED";
}

public sealed record TransportStatusEvent<TBody>
    where TBody : new()
{
    public Guid RouteId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record TransportMapBody
{
    public uint MapId { get; init; }
}

// EVENT_TOPIC_INSTANCE_TRANSPORT (consumed).

public static class InstanceTransportTypes
{
    public const string TransitEntered = "TRANSIT_ENTERED";
}

public sealed record InstanceTransportEvent<TBody>
    where TBody : new()
{
    public Guid TransactionId { get; init; }
    public byte WorldId { get; init; }
    public uint CharacterId { get; init; }
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record InstanceTransportTransitEnteredBody
{
    public Guid RouteId { get; init; }
    public Guid InstanceId { get; init; }
    public byte ChannelId { get; init; }
    public uint DurationSeconds { get; init; }

    /// <summary>Shown as script progress when non-empty.</summary>
    public string Message { get; init => field = value ?? ""; } = "";
}

internal static class TransportContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventTransportStatus, MessageDirection.Consumed, MessageKey.Ascii("routeId"))
            .Add<TransportStatusEvent<TransportMapBody>>(TransportStatusTypes.Arrived)
            .Add<TransportStatusEvent<TransportMapBody>>(TransportStatusTypes.Departed);

        catalog.Typed(Topics.EventInstanceTransport, MessageDirection.Consumed, MessageKey.Of("characterId"))
            .Add<InstanceTransportEvent<InstanceTransportTransitEnteredBody>>(InstanceTransportTypes.TransitEntered);
    }
}
