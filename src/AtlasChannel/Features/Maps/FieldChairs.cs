using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Chairs;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>A character sitting on a portable chair.</summary>
public readonly record struct FieldChair(uint CharacterId, uint ChairItemId);

/// <summary>
/// CharacterShowChair for every other character sitting on a portable chair in the field (CHAIRS; chat-social.md §6.3).
/// FIXED seats are not sent: CharacterShowChair carries a portable chair's item id (the client's
/// <c>OnSetActivePortableChair</c>), and the chair events send nothing to others for a fixed seat either (chair.md).
/// </summary>
/// <remarks>
/// Divergence (chairs.md ⚠): the reference channel calls <c>worlds/{w}/channels/{c}/maps/{m}/chairs</c>, which no
/// server routes (always 404). We call the server route <c>…/maps/{m}/instances/{instanceId}/chairs</c>.
/// </remarks>
public sealed class FieldChairs(PeerHttp http, ILogger<FieldChairs> logger) : FieldEntryCollectionPart<FieldChair>(http, logger)
{
    public override string Name => "chairs";

    protected override string Token => PeerRoots.Chairs;

    protected override string ResourceType => "chairs";

    protected override string PathOf(FieldOfEntry field) => field.InstancePath + "/chairs";

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out FieldChair item, out string why)
    {
        item = default;
        var a = resource.Attributes;
        if (!ResourceId.TryUInt32(resource.Id, out var chairId))
            why = "id is not a decimal uint32";
        else if (!a.TryString("type", out var type) || !a.TryUInt32("characterId", out var characterId) || characterId is 0 or > int.MaxValue)
            why = "type or characterId missing or invalid";
        else if (!string.Equals(type, ChairTypes.Portable, StringComparison.Ordinal))
            why = "not a portable chair";
        else if (!ChairPackets.IsPortableChair(chairId))
            why = "not a portable chair item";
        else
        {
            item = new FieldChair(characterId, chairId);
            why = "";
            return true;
        }

        return false;
    }

    protected override void Send(Session entering, FieldOfEntry field, FieldChair chair)
    {
        if (chair.CharacterId == (uint)entering.CharacterId)
            return; // the entering character's own chair is not shown to itself
        entering.Send(ChairPackets.ShowChairWriter, (chair.CharacterId, chair.ChairItemId), ChairPackets.ShowChair);
    }
}
