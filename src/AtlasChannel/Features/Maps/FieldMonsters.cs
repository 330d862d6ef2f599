using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// SpawnMonster (appearType NORMAL, −1) for every monster of the field (MONSTERS <c>…/instances/{i}/monsters</c>;
/// monster-drop-reactor.md §1.4). No ControlMonster on entry: control is assigned by the monsters service through
/// START_CONTROL events (§3), and map.md does not list it for CHARACTER_ENTER.
/// </summary>
public sealed class FieldMonsters(PeerHttp http, ILogger<FieldMonsters> logger) : FieldEntryCollectionPart<FieldMonster>(http, logger)
{
    public override string Name => "monsters";

    protected override string Token => PeerRoots.Monsters;

    protected override string ResourceType => "monsters";

    protected override string PathOf(FieldOfEntry field) => field.InstancePath + "/monsters";

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out FieldMonster item, out string why)
    {
        item = default;
        var a = resource.Attributes;
        if (!ResourceId.TryUInt32(resource.Id, out var uniqueId))
            why = "id is not a decimal uint32";
        else if (!a.InField(field))
            why = "not in this field";
        else if (!a.TryUInt32("monsterId", out var monsterId) || !a.TryUInt32("controlCharacterId", out var controller) ||
                 !a.TryInt16("x", out var x) || !a.TryInt16("y", out var y) || !a.TryInt16("fh", out var fh) ||
                 !a.TryByte("stance", out var stance) || !a.TrySByte("team", out var team))
            why = "monsterId, controlCharacterId, x, y, fh, stance or team missing or out of range";
        else
        {
            item = new FieldMonster(uniqueId, monsterId, controller != 0, x, y, stance, fh, team);
            why = "";
            return true;
        }

        return false;
    }

    protected override void Send(Session entering, FieldOfEntry field, FieldMonster monster) =>
        entering.Send(FieldObjectPackets.SpawnMonsterWriter, monster, static (writer, in context, m) =>
            FieldObjectPackets.WriteSpawnMonster(writer, context.Version, m, FieldObjectPackets.AppearNormal));
}
