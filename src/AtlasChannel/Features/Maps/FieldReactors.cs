using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>ReactorSpawn for every reactor of the field (REACTORS; monster-drop-reactor.md §11).</summary>
public sealed class FieldReactors(PeerHttp http, ILogger<FieldReactors> logger) : FieldEntryCollectionPart<FieldReactor>(http, logger)
{
    /// <summary>A reactor name is a short WZ label; anything longer is not sent to a client.</summary>
    public const int MaxNameLength = 64;

    public override string Name => "reactors";

    protected override string Token => PeerRoots.Reactors;

    protected override string ResourceType => "reactors";

    protected override string PathOf(FieldOfEntry field) => field.InstancePath + "/reactors";

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out FieldReactor item, out string why)
    {
        item = default;
        var a = resource.Attributes;
        if (!ResourceId.TryUInt32(resource.Id, out var reactorId))
            why = "id is not a decimal uint32";
        else if (!a.InField(field))
            why = "not in this field";
        else if (!a.TryUInt32("classification", out var classification) || !a.TrySByte("state", out var state) ||
                 !a.TryInt16("x", out var x) || !a.TryInt16("y", out var y) || !a.TryByte("direction", out var direction) ||
                 !a.TryString("name", out var name))
            why = "classification, state, x, y, direction or name missing or out of range";
        else if (name.Length > MaxNameLength)
            why = "name too long";
        else
        {
            item = new FieldReactor(reactorId, classification, state, x, y, direction, name);
            why = "";
            return true;
        }

        return false;
    }

    protected override void Send(Session entering, FieldOfEntry field, FieldReactor reactor) =>
        entering.Send(FieldObjectPackets.ReactorSpawnWriter, reactor, static (writer, in context, r) =>
            FieldObjectPackets.WriteReactorSpawn(writer, context.Version, r));
}
