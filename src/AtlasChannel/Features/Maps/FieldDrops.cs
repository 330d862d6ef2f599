using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>DropSpawn, enter type existing (2), for every drop lying in the field (DROPS; monster-drop-reactor.md §8).</summary>
public sealed class FieldDrops(PeerHttp http, ILogger<FieldDrops> logger) : FieldEntryCollectionPart<FieldDrop>(http, logger)
{
    public override string Name => "drops";

    protected override string Token => PeerRoots.Drops;

    protected override string ResourceType => "drops";

    protected override string PathOf(FieldOfEntry field) => field.InstancePath + "/drops";

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out FieldDrop item, out string why)
    {
        item = default;
        var a = resource.Attributes;
        if (!ResourceId.TryUInt32(resource.Id, out var dropId))
            why = "id is not a decimal uint32";
        else if (!a.InField(field))
            why = "not in this field";
        else if (!a.TryUInt32("itemId", out var itemId) || !a.TryUInt32("meso", out var meso) || !a.TryByte("type", out var ownType) ||
                 !a.TryInt16("x", out var x) || !a.TryInt16("y", out var y) || !a.TryUInt32("ownerId", out var ownerId) ||
                 !a.TryUInt32("ownerPartyId", out var ownerPartyId) || !a.TryUInt32("dropperId", out var dropperId) ||
                 !a.TryInt16("dropperX", out var dropperX) || !a.TryInt16("dropperY", out var dropperY) || !a.TryBool("characterDrop", out var playerDrop))
            why = "itemId, meso, type, x, y, ownerId, ownerPartyId, dropperId, dropperX, dropperY or characterDrop missing or out of range";
        else if (itemId == 0 && meso == 0)
            why = "neither an item nor mesos";
        else
        {
            // §8.1 field 5: the party owns it when there is one (Atlas).
            item = new FieldDrop(dropId, itemId, meso, ownerPartyId != 0 ? ownerPartyId : ownerId, ownType, x, y, dropperId, dropperX, dropperY, playerDrop);
            why = "";
            return true;
        }

        return false;
    }

    protected override void Send(Session entering, FieldOfEntry field, FieldDrop drop) =>
        entering.Send(FieldObjectPackets.DropSpawnWriter, drop, static (writer, in _, d) =>
            FieldObjectPackets.WriteDropSpawn(writer, d, FieldObjectPackets.DropEnterExisting));
}
