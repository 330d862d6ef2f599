using System.Text.Json;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;

namespace AtlasChannel.Features.Chat;

/// <summary>The little chat needs to know about a character it has no session for.</summary>
public sealed record ChatCharacter(uint Id, string Name, bool Gm);

/// <summary>Character look-ups for chat: names and GM flags of senders and recipients (CHARACTERS REST).</summary>
public interface IChatDirectory
{
    /// <summary>Null when the character does not exist; throws <see cref="PeerException"/> when the peer failed.</summary>
    Task<ChatCharacter?> ByIdAsync(Tenant tenant, uint characterId, CancellationToken cancellationToken);

    /// <summary>Null when no character has that name; throws <see cref="PeerException"/> when the peer failed.</summary>
    Task<ChatCharacter?> ByNameAsync(Tenant tenant, string name, CancellationToken cancellationToken);
}

/// <summary><see cref="IChatDirectory"/> over the characters service (rest/characters.md).</summary>
public sealed class ChatDirectory(PeerHttp http) : IChatDirectory
{
    public async Task<ChatCharacter?> ByIdAsync(Tenant tenant, uint characterId, CancellationToken cancellationToken)
    {
        var path = $"characters/{characterId}";
        var body = await http.GetAsync(PeerRoots.Characters, path, tenant, cancellationToken).ConfigureAwait(false);
        return body is null ? null : Decode(path, () => From(RestResources.ReadCharacter(body)));
    }

    public async Task<ChatCharacter?> ByNameAsync(Tenant tenant, string name, CancellationToken cancellationToken)
    {
        // The Go client puts the name in the query unencoded; we encode it (rest/characters.md).
        var path = $"characters?name={Uri.EscapeDataString(name)}";
        var body = await http.GetAsync(PeerRoots.Characters, path, tenant, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return null;
        return Decode(path, () =>
        {
            var found = RestResources.ReadCharacters(body);
            return found.Count == 0 ? null : From(found[0]);
        });
    }

    private static ChatCharacter From(CharacterResource resource) => new(resource.Id, resource.Attributes.Name, resource.Attributes.Gm > 0);

    private static ChatCharacter? Decode(string path, Func<ChatCharacter?> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new PeerException(PeerRoots.Characters, path, "undecodable character document", null, ex);
        }
    }
}
