using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Messaging;

namespace AtlasChannel.Peers;

/// <summary>Everything the login flow reads about a character, fetched in parallel from its owning services.</summary>
public sealed record LoadedCharacter(CharacterSnapshot Snapshot, CharacterResource Character, CharacterKeyMap KeyMap);

/// <summary>CHARACTERS and the services that decorate a character (INVENTORY, SKILLS, QUESTS, PETS, BUDDIES, KEYS).</summary>
public sealed class CharacterPeer(PeerHttp http)
{
    public async Task<CharacterResource?> GetAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        var body = await http.GetAsync(PeerRoots.Characters, $"characters/{characterId}", tenant, cancellationToken);
        return body is null ? null : RestResources.ReadCharacter(body);
    }

    /// <summary>
    /// The character with inventory, skills, quests, pets, buddy capacity and key map. The character, inventory and
    /// buddy list are required (the login cannot place a client without them); the others fall back to empty.
    /// </summary>
    public async Task<LoadedCharacter?> LoadAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        var character = GetAsync(tenant, characterId, cancellationToken);
        var inventory = http.GetAsync(PeerRoots.Inventory, $"characters/{characterId}/inventory", tenant, cancellationToken);
        var skills = Optional(http.GetAsync(PeerRoots.Skills, $"characters/{characterId}/skills", tenant, cancellationToken));
        var quests = Optional(http.GetAsync(PeerRoots.Quests, $"characters/{characterId}/quests", tenant, cancellationToken));
        var pets = Optional(http.GetAsync(PeerRoots.Pets, $"characters/{characterId}/pets", tenant, cancellationToken));
        var keys = Optional(http.GetAsync(PeerRoots.Keys, $"characters/{characterId}/keys", tenant, cancellationToken));
        var buddies = http.GetAsync(PeerRoots.Buddies, $"characters/{characterId}/buddy-list", tenant, cancellationToken);
        await Task.WhenAll(character, inventory, skills, quests, pets, keys, buddies).ConfigureAwait(false);

        var resource = await character;
        if (resource is null)
            return null;
        var inventoryBody = await inventory ?? throw new PeerException(PeerRoots.Inventory, $"characters/{characterId}/inventory", "no inventory", 404);
        var buddyBody = await buddies ?? throw new PeerException(PeerRoots.Buddies, $"characters/{characterId}/buddy-list", "no buddy list", 404);
        var buddyCapacity = JsonApiDocument.Parse(buddyBody).Single("buddy-list").Attributes.LongOrNull("capacity") is >= 0 and <= 255 and var capacity
            ? (byte)capacity
            : CharacterDefaults.BuddyCapacity;

        var sources = new CharacterSources(
            resource,
            RestResources.ReadInventory(inventoryBody),
            await skills is { } s ? RestResources.ReadSkills(s) : [],
            await quests is { } q ? RestResources.ReadQuests(q) : [],
            await pets is { } p ? RestResources.ReadPets(p) : [],
            buddyCapacity);
        var keyMap = CharacterKeyMap.From(await keys is { } k ? RestResources.ReadKeys(k) : []);
        return new LoadedCharacter(CharacterSnapshotMapper.Map(sources), resource, keyMap);
    }

    private static async Task<byte[]?> Optional(Task<byte[]?> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (PeerException)
        {
            return null;
        }
    }
}
