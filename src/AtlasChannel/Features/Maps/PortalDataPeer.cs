using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;

namespace AtlasChannel.Features.Maps;

/// <summary>DATA map portals (spec/rest/data.md §1, §3): a portal's index in its map by name, and where a portal stands.</summary>
public sealed class PortalDataPeer(PeerHttp http, MapDataReader maps)
{
    public const string DataRoot = PeerRoots.Data;

    /// <summary>The portal id (its index in the map), or null when the map has no portal of that name.</summary>
    public async Task<uint?> FindIdByNameAsync(Tenant tenant, uint mapId, string portalName, CancellationToken cancellationToken)
    {
        var path = $"data/maps/{mapId}/portals?name={Uri.EscapeDataString(portalName)}";
        var body = await http.GetAsync(DataRoot, path, tenant, cancellationToken);
        if (body is null)
            return null;
        var portals = JsonApiDocument.Parse(body).Collection("portals");
        // Unknown names come back as 200 []; the first match wins, as in Atlas.
        if (portals.Count == 0)
            return null;
        return uint.TryParse(portals[0].Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JsonApiFormatException($"portal id '{portals[0].Id}' of map {mapId} is not a number");
    }

    /// <summary>
    /// Where portal <paramref name="portalId"/> of the map stands (the map document's included <c>portals</c>, through
    /// <see cref="MapDataReader"/>), or null when the map or the portal is unknown or its coordinates are unreadable.
    /// </summary>
    public async Task<Protocol.Packets.Position?> FindPositionAsync(Tenant tenant, uint mapId, uint portalId, CancellationToken cancellationToken)
    {
        var facts = await maps.GetAsync(tenant, mapId, cancellationToken);
        return facts is not null && facts.PortalPositions.TryGetValue(portalId, out var position) ? position : null;
    }
}
