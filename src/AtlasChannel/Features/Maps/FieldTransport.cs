using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>A transport route as the boat check needs it.</summary>
public readonly record struct TransportRoute(uint StartMapId, string State);

/// <summary>
/// FieldTransportState on every map entry (map.md CHARACTER_ENTER; field.md §19): ENTER1 (0) when a boat is docked in
/// the map, else MOVE1 (2), overrideAppear 0. "Docked" is the reference's check (routes.md): some route of ROUTES
/// <c>transports/routes</c> starts in this map and is <c>open_entry</c> or <c>locked_entry</c>. When the routes
/// cannot be read the packet is skipped. Clients ignore the packet outside transport (ContiMove) fields.
/// </summary>
public sealed class FieldTransport(PeerHttp http, ILogger<FieldTransport> logger) : FieldEntryCollectionPart<TransportRoute>(http, logger)
{
    public const string OpenEntry = "open_entry";
    public const string LockedEntry = "locked_entry";

    public override string Name => "transport state";

    protected override string Token => PeerRoots.Routes;

    protected override string ResourceType => "routes";

    protected override string PathOf(FieldOfEntry field) => "transports/routes";

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out TransportRoute item, out string why)
    {
        item = default;
        var a = resource.Attributes;
        if (!a.TryUInt32("startMapId", out var startMapId) || !a.TryString("state", out var state))
        {
            why = "startMapId or state missing or invalid";
            return false;
        }

        item = new TransportRoute(startMapId, state);
        why = "";
        return true;
    }

    public static bool BoatDocked(IEnumerable<TransportRoute> routes, uint mapId) =>
        routes.Any(r => r.StartMapId == mapId && r.State is OpenEntry or LockedEntry);

    public override async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        if (await FetchAsync(entering, field, cancellationToken) is not { } routes)
            return;
        var state = BoatDocked(routes, field.MapId) ? FieldObjectPackets.TransportEnter1 : FieldObjectPackets.TransportMove1;
        entering.Send(FieldObjectPackets.TransportStateWriter, state, static (writer, in _, s) => FieldObjectPackets.WriteTransportState(writer, s));
    }
}
