using System.Globalization;
using System.Text.Json;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;

namespace AtlasChannel.Features.Stats;

/// <summary>PARTIES (spec/rest/parties.md): the online members of a character's party.</summary>
public sealed class PartyPeer(PeerHttp http)
{
    public const string Root = "PARTIES";

    /// <summary>Character ids of the online members of <paramref name="characterId"/>'s party, itself excluded; empty when in no party.</summary>
    public async Task<IReadOnlyList<int>> OnlineMatesAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"parties?filter[members.id]={characterId}");
        var body = await http.GetAsync(Root, path, tenant, cancellationToken);
        if (body is null)
            return [];
        try
        {
            var document = JsonApiDocument.Parse(body);
            var parties = document.Collection("parties");
            if (parties.Count == 0)
                return [];
            var mates = new List<int>();
            foreach (var member in document.Related(parties[0], "members", "members"))
            {
                if (int.TryParse(member.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && id != characterId
                    && member.Attributes.ValueKind == JsonValueKind.Object
                    && member.Attributes.TryGetProperty("online", out var online)
                    && online.ValueKind == JsonValueKind.True)
                    mates.Add(id);
            }

            return mates;
        }
        catch (Exception ex) when (ex is JsonApiFormatException or JsonException)
        {
            throw new PeerException(Root, path, "unreadable party document: " + ex.Message, null, ex);
        }
    }
}
