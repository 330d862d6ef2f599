using System.Net;
using AtlasChannel.Contracts.Rest;

namespace AtlasChannel.Sandbox.Tests;

public sealed class CharacterEndpointTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Theory]
    [InlineData(1u, "Atlas", 1u)]
    [InlineData(2u, "Bravo", 2u)]
    [InlineData(3u, "Charlie", 3u)]
    public async Task Fixture_characters_are_served_with_their_inventory_and_data(uint id, string name, uint accountId)
    {
        var character = RestResources.ReadCharacter(await host.GetOkAsync($"characters/{id}"));
        Assert.Equal(id, character.Id);
        Assert.Equal(name, character.Attributes.Name);
        Assert.Equal(accountId, character.Attributes.AccountId);

        var inventory = RestResources.ReadInventory(await host.GetOkAsync($"characters/{id}/inventory"));
        Assert.Equal(id, inventory.CharacterId);
        Assert.Equal(5, inventory.Compartments.Count);
        RestResources.ReadSkills(await host.GetOkAsync($"characters/{id}/skills"));
        RestResources.ReadMacros(await host.GetOkAsync($"characters/{id}/macros"));
        RestResources.ReadQuests(await host.GetOkAsync($"characters/{id}/quests"));
        RestResources.ReadPets(await host.GetOkAsync($"characters/{id}/pets"));
        RestResources.ReadKeys(await host.GetOkAsync($"characters/{id}/keys"));

        var byName = RestResources.ReadCharacters(await host.GetOkAsync($"characters?name={name}&include=inventory"));
        Assert.Equal(id, Assert.Single(byName).Id);
    }

    [Fact]
    public async Task Compartment_by_type_carries_exactly_that_compartments_assets()
    {
        var inventory = RestResources.ReadInventory(await host.GetOkAsync("characters/1/inventory"));
        var equip = inventory.Compartments.Single(c => c.Type == 1);

        var compartment = RestResources.ReadCompartment(await host.GetOkAsync("characters/1/inventory/compartments?type=1"));

        Assert.Equal(equip.Id, compartment.Id);
        Assert.Equal(equip.Assets.Select(a => a.Id).Order(), compartment.Assets.Select(a => a.Id).Order());
        Assert.NotEmpty(compartment.Assets);
    }

    [Fact]
    public async Task Pet_of_character_one_is_served_by_id()
    {
        var pet = RestResources.ReadPet(await host.GetOkAsync("pets/7"));

        Assert.Equal(7u, pet.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("pets/8")).StatusCode);
    }

    [Fact]
    public async Task A_generated_character_exists_on_the_fly_with_a_beginner_kit()
    {
        var character = RestResources.ReadCharacter(await host.GetOkAsync("characters/1234"));
        Assert.Equal(1234u, character.Id);
        Assert.Equal("Bot1234", character.Attributes.Name);
        Assert.Equal(1234u, character.Attributes.AccountId);
        Assert.Equal(100000000u, character.Attributes.MapId);

        var inventory = RestResources.ReadInventory(await host.GetOkAsync("characters/1234/inventory"));
        Assert.Equal(1234u, inventory.CharacterId);
        var equipped = inventory.Compartments.Single(c => c.Type == 1).Assets;
        Assert.NotEmpty(equipped);
        Assert.All(equipped, a => Assert.True(a.Attributes.Slot < 0));

        // No two generated characters share a compartment or asset id.
        var other = RestResources.ReadInventory(await host.GetOkAsync("characters/1235/inventory"));
        Assert.Empty(inventory.Compartments.Select(c => c.Id).Intersect(other.Compartments.Select(c => c.Id)));
        Assert.Empty(equipped.Select(a => a.Id).Intersect(other.Compartments.SelectMany(c => c.Assets).Select(a => a.Id)));

        var skills = RestResources.ReadSkills(await host.GetOkAsync("characters/1234/skills"));
        Assert.Equal([1000u, 1001u, 1002u], skills.Select(s => s.Id));
        Assert.Empty(RestResources.ReadKeys(await host.GetOkAsync("characters/1234/keys")));
        var compartment = RestResources.ReadCompartment(await host.GetOkAsync("characters/1234/inventory/compartments?type=1"));
        Assert.Equal(equipped.Count, compartment.Assets.Count);

        var byName = RestResources.ReadCharacters(await host.GetOkAsync("characters?name=bot1234"));
        Assert.Equal(1234u, Assert.Single(byName).Id);
    }

    [Fact]
    public async Task Many_bots_can_load_their_characters_at_once()
    {
        var ids = Enumerable.Range(3000, 64).Select(i => (uint)i).ToArray();

        var inventories = await Task.WhenAll(ids.Select(async id => RestResources.ReadInventory(await host.GetOkAsync($"characters/{id}/inventory"))));

        Assert.Equal(ids, inventories.Select(i => i.CharacterId));
        Assert.Equal(ids.Length * 5, inventories.SelectMany(i => i.Compartments).Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("characters/4")]
    [InlineData("characters/999")]
    [InlineData("characters/10000")]
    [InlineData("characters/10000/inventory")]
    [InlineData("characters/1/inventory/compartments?type=9")]
    public async Task Unknown_characters_answer_404(string path)
    {
        using var response = await host.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("characters?name=Nobody")]
    [InlineData("characters?name=Bot10000")]
    [InlineData("characters?name=Bot01000")]
    public async Task Unknown_names_answer_an_empty_list(string path)
    {
        var characters = RestResources.ReadCharacters(await host.GetOkAsync(path));

        Assert.Empty(characters);
    }

    [Theory]
    [InlineData("characters/abc")]
    [InlineData("characters/-1/inventory")]
    [InlineData("characters/1/inventory/compartments")]
    public async Task Unparsable_ids_answer_400(string path)
    {
        using var response = await host.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
