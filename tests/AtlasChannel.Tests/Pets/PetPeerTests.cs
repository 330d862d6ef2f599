using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Pets;
using AtlasChannel.Testing;
using AtlasChannel.Tests.Maps;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Pets;

/// <summary>PETS <c>characters/{id}/pets</c> through <see cref="PetPeer"/>, from the spec example.</summary>
public sealed class PetPeerTests
{
    private readonly MapTestKit _kit = new();

    [Fact]
    public async Task The_owner_list_example_gives_the_pet_and_its_exclusions()
    {
        _kit.Responses["/api/characters/1/pets"] = File.ReadAllText(SpecFiles.Path("rest", "examples", "pets.by-owner.json"));
        var pets = await new PetPeer(_kit.Http, NullLogger<PetPeer>.Instance).OwnedAsync(Sessions.TestSessions.TenantA, 1, CancellationToken.None);

        var owned = Assert.Single(pets!);
        Assert.Equal(new CharacterPet(7, 100000000123, 5000017, "Kitty", 5, 120, 100, 0, 1850, 334, 0, 0), owned.Pet);
        Assert.Equal([4000000u], owned.Excludes);
    }

    [Fact]
    public async Task A_404_is_null_and_pets_come_in_slot_order()
    {
        var peer = new PetPeer(_kit.Http, NullLogger<PetPeer>.Instance);
        Assert.Null(await peer.OwnedAsync(Sessions.TestSessions.TenantA, 1, CancellationToken.None));

        _kit.Responses["/api/characters/1/pets"] =
            """{"data":[{"type":"pets","id":"3","attributes":{"templateId":5000003,"slot":2}},{"type":"pets","id":"1","attributes":{"templateId":5000001,"slot":-1}},{"type":"pets","id":"2","attributes":{"templateId":5000002,"slot":0}}]}""";
        var pets = await peer.OwnedAsync(Sessions.TestSessions.TenantA, 1, CancellationToken.None);
        Assert.Equal([(1u, (sbyte)-1, 1L), (2u, (sbyte)0, 2L), (3u, (sbyte)2, 3L)], pets!.Select(p => (p.Pet.Id, p.Pet.Slot, p.Pet.Serial)));
    }
}
