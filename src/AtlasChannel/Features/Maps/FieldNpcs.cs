using System.Globalization;
using System.Text.Json;
using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
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
/// map; npc-quest.md §1–2). A DATA failure costs only the NPCs, never the map entry.
/// </summary>
public sealed partial class FieldNpcs(SessionRegistry registry, PeerHttp http, ILogger<FieldNpcs> logger)
{
    public const string SpawnWriter = "SpawnNPC";
    public const string ControllerWriter = "SpawnNPCRequestController";

    public async Task SendForEnterAsync(Tenant tenant, MapStatusEvent<MapCharacterBody> status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var entering = registry.FindByCharacter(tenant.Id, unchecked((int)status.Body.CharacterId));
        if (entering is null || entering.Server.WorldId != status.WorldId || entering.Server.ChannelId != status.ChannelId)
            return;

        IReadOnlyList<FieldNpc> npcs;
        try
        {
            var body = await http.GetAsync(PortalDataPeer.DataRoot, $"data/maps/{status.MapId}/npcs", entering.Tenant, cancellationToken);
            npcs = body is null ? [] : Parse(body);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, entering.Id, status.MapId, ex.Message);
            return;
        }

        foreach (var npc in npcs)
        {
            entering.Send(SpawnWriter, npc, static (writer, in _, n) => WriteSpawn(writer, n));
            entering.Send(ControllerWriter, npc, static (writer, in context, n) => WriteControlGrant(writer, context.Binding, n));
        }
    }

    /// <summary>Placements from a DATA document; hidden NPCs are not spawned.</summary>
    public static IReadOnlyList<FieldNpc> Parse(ReadOnlySpan<byte> body)
    {
        var result = new List<FieldNpc>();
        foreach (var resource in JsonApiDocument.Parse(body).Collection("npcs"))
        {
            var a = resource.Attributes;
            if (a.ValueKind != JsonValueKind.Object || Bool(a, "hide") || !int.TryParse(resource.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var objectId))
                continue;
            result.Add(new FieldNpc(objectId, Int(a, "template"), Short(a, "x"), Short(a, "cy"), Int(a, "f") == 1, Short(a, "fh"), Short(a, "rx0"), Short(a, "rx1")));
        }

        return result;
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

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    private static short Short(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt16(out var number) ? number : (short)0;

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: NPCs of map {MapId} not sent: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, uint mapId, string reason);
}
