using System.Globalization;
using System.Text.Json;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Packets;
using AtlasChannel.Peers;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>One NPC placement of a map (DATA <c>data/maps/{id}/npcs</c>).</summary>
public readonly record struct FieldNpc(int ObjectId, int TemplateId, short X, short Cy, bool FacesLeft, short Foothold, short Rx0, short Rx1);

/// <summary>
/// The NPCs of a field for a character entering it (map.md: SpawnNPC + SpawnNPCRequestController for every NPC of the
/// map; npc-quest.md §1–2), from DATA <c>data/maps/{id}/npcs</c>. A DATA failure costs only the NPCs.
/// </summary>
public sealed class FieldNpcs(PeerHttp http, ILogger<FieldNpcs> logger) : FieldEntryCollectionPart<FieldNpc>(http, logger)
{
    public const string SpawnWriter = "SpawnNPC";
    public const string ControllerWriter = "SpawnNPCRequestController";

    public override string Name => "NPCs";

    protected override string Token => PeerRoots.Data;

    protected override string ResourceType => "npcs";

    protected override string PathOf(FieldOfEntry field) => string.Create(CultureInfo.InvariantCulture, $"data/maps/{field.MapId}/npcs");

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out FieldNpc item, out string why) => TryReadNpc(resource, out item, out why);

    protected override void Send(Session entering, FieldOfEntry field, FieldNpc npc)
    {
        entering.Send(SpawnWriter, npc, static (writer, in _, n) => WriteSpawn(writer, n));
        entering.Send(ControllerWriter, npc, static (writer, in context, n) => WriteControlGrant(writer, context.Binding, n));
    }

    /// <summary>Placements from a DATA document; hidden NPCs and unreadable placements are not spawned.</summary>
    public static IReadOnlyList<FieldNpc> Parse(ReadOnlySpan<byte> body)
    {
        var result = new List<FieldNpc>();
        foreach (var resource in JsonApiDocument.Parse(body).Collection("npcs"))
        {
            if (TryReadNpc(resource, out var npc, out _))
                result.Add(npc);
        }

        return result;
    }

    private static bool TryReadNpc(JsonApiResource resource, out FieldNpc npc, out string why)
    {
        npc = default;
        var a = resource.Attributes;
        why = "";
        if (a.ValueKind != JsonValueKind.Object || !int.TryParse(resource.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var objectId))
            why = "no attributes or a non-numeric id";
        else if (a.TryBool("hide", out var hidden) && hidden)
            why = "hidden";
        else if (!a.TryInt32("template", out var template) || !a.TryInt16("x", out var x) || !a.TryInt16("cy", out var cy) ||
                 !a.TryInt16("fh", out var fh) || !a.TryInt16("rx0", out var rx0) || !a.TryInt16("rx1", out var rx1))
            why = "template, x, cy, fh, rx0 or rx1 missing or out of range";
        else
        {
            npc = new FieldNpc(objectId, template, x, cy, a.TryInt32("f", out var f) && f == 1, fh, rx0, rx1);
            return true;
        }

        return false;
    }

    /// <summary>SpawnNPC (npc-quest.md §1).</summary>
    public static void WriteSpawn(PacketWriter writer, FieldNpc npc)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt32(npc.ObjectId);
        WritePlacement(writer, npc);
    }

    /// <summary>SpawnNPCRequestController GRANT (§2): every client controls every NPC, as in Atlas.</summary>
    public static void WriteControlGrant(PacketWriter writer, WriterBinding binding, FieldNpc npc)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(binding);
        writer.WriteByte(TemplateOptions.OperationOr(binding, "GRANT", 1)).WriteInt32(npc.ObjectId);
        WritePlacement(writer, npc);
    }

    private static void WritePlacement(PacketWriter writer, FieldNpc npc) =>
        writer.WriteInt32(npc.TemplateId).WriteInt16(npc.X).WriteInt16(npc.Cy)
            .WriteByte(npc.FacesLeft ? (byte)0 : (byte)1) // moveAction is 0 when the WZ entry has f = 1
            .WriteInt16(npc.Foothold).WriteInt16(npc.Rx0).WriteInt16(npc.Rx1).WriteBool(true);
}
