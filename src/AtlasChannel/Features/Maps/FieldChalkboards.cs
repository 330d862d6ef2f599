using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Chalkboards;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>An open chalkboard: its holder and text.</summary>
public readonly record struct FieldChalkboard(uint CharacterId, string Message);

/// <summary>
/// ChalkboardUse (open) for every open chalkboard in the field (CHALKBOARDS; chat-social.md §5.1), the entering
/// character's own included, as map.md lists it.
/// </summary>
/// <remarks>
/// Divergence (chalkboards.md ⚠): the reference channel calls <c>worlds/{w}/channels/{c}/maps/{m}/chalkboards</c>,
/// which no server routes (always 404, so nobody ever saw an open chalkboard on entry). We call the server route
/// <c>…/maps/{m}/instances/{instanceId}/chalkboards</c>.
/// </remarks>
public sealed class FieldChalkboards(PeerHttp http, ILogger<FieldChalkboards> logger) : FieldEntryCollectionPart<FieldChalkboard>(http, logger)
{
    public override string Name => "chalkboards";

    protected override string Token => PeerRoots.Chalkboards;

    protected override string ResourceType => "chalkboards";

    protected override string PathOf(FieldOfEntry field) => field.InstancePath + "/chalkboards";

    protected override bool TryRead(JsonApiResource resource, FieldOfEntry field, out FieldChalkboard item, out string why)
    {
        item = default;
        if (!ResourceId.TryUInt32(resource.Id, out var characterId) || characterId is 0 or > int.MaxValue)
            why = "id is not a character id";
        else if (!resource.Attributes.TryString("message", out var message))
            why = "message missing";
        else if (message.Length > ChalkboardPackets.MaxMessageLength)
            why = "message too long";
        else
        {
            item = new FieldChalkboard(characterId, message);
            why = "";
            return true;
        }

        return false;
    }

    protected override void Send(Session entering, FieldOfEntry field, FieldChalkboard board) =>
        entering.Send(ChalkboardPackets.Writer, (board.CharacterId, board.Message), ChalkboardPackets.Open);
}
