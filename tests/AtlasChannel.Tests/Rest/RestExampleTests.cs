using AtlasChannel.Contracts.Rest;
using AtlasChannel.Testing;

namespace AtlasChannel.Tests.Rest;

/// <summary>Every spec/rest/examples document the character load reads parses with its values preserved.</summary>
public sealed class RestExampleTests
{
    private static byte[] Example(string name) => File.ReadAllBytes(SpecFiles.Path("rest", "examples", name));

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Fact]
    public void Character_by_id()
    {
        var character = RestResources.ReadCharacter(Example("characters.get-by-id.json"));
        var a = character.Attributes;
        Assert.Equal(1u, character.Id);
        Assert.Equal((1u, (byte)0, "Atlas", (byte)30, 12045u, 0u), (a.AccountId, a.WorldId, a.Name, a.Level, a.Experience, a.GachaponExperience));
        Assert.Equal(((ushort)4, (ushort)25, (ushort)130, (ushort)40), (a.Strength, a.Dexterity, a.Intelligence, a.Luck));
        Assert.Equal(((ushort)540, (ushort)540, (ushort)1203, (ushort)1203), (a.Hp, a.MaxHp, a.Mp, a.MaxMp));
        Assert.Equal((152300u, 0, (ushort)210, (byte)0, (byte)0, (short)3), (a.Meso, a.HpMpUsed, a.JobId, a.SkinColor, a.Gender, a.Fame));
        Assert.Equal((30030u, 20000u, (ushort)0), (a.Hair, a.Face, a.Ap));
        Assert.Equal("0,0,0,0,0,0,0,0,0,0", a.Sp);
        Assert.Equal(10, a.SkillPoints.Count);
        Assert.Equal((100000000u, 0u, 0), (a.MapId, a.SpawnPoint, a.Gm));
        Assert.Equal(((short)1850, (short)334, (byte)4), (a.X, a.Y, a.Stance));
    }

    [Fact]
    public void Characters_by_name_is_an_array()
    {
        var characters = RestResources.ReadCharacters(Example("characters.list-by-name.json"));
        var only = Assert.Single(characters);
        Assert.Equal("Atlas", only.Attributes.Name);
        Assert.Equal(1u, only.Attributes.AccountId);
    }

    [Fact]
    public void Inventory_resolves_compartments_and_assets_from_included()
    {
        var inventory = RestResources.ReadInventory(Example("inventory.get.json"));
        Assert.Equal(Guid.Parse("9b2c7e0a-5f1d-4c39-8d6e-2a7b9c0d1e2f"), inventory.Id);
        Assert.Equal(1u, inventory.CharacterId);
        Assert.Equal([1, 2, 3, 4, 5], inventory.Compartments.Select(c => (int)c.Type));
        Assert.All(inventory.Compartments, c => Assert.Equal(24u, c.Capacity));
        Assert.Equal(Guid.Parse("4d3f3c1e-7a8b-4e2f-9a10-1c2d3e4f5a61"), inventory.Compartment(1)!.Id);
        Assert.Equal([101u, 102u], inventory.Compartment(1)!.Assets.Select(a => a.Id));
        Assert.Equal([201u, 202u], inventory.Compartment(2)!.Assets.Select(a => a.Id));
        Assert.Empty(inventory.Compartment(3)!.Assets);
        Assert.Equal([401u], inventory.Compartment(4)!.Assets.Select(a => a.Id));

        var hat = inventory.Compartment(1)!.Assets[0].Attributes;
        Assert.Equal(((short)-1, 1002140u, DateTimeOffset.MinValue), (hat.Slot, hat.TemplateId, hat.Expiration));
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 20, 11, 2, TimeSpan.Zero).AddTicks(5127340), hat.CreatedAt);
        Assert.Equal(((ushort)2, (ushort)12, (ushort)8, (ushort)7), (hat.Intelligence, hat.WeaponDefense, hat.MagicDefense, hat.Slots));
        Assert.True(hat.CanBeTraded);
        Assert.False(hat.Locked);
        Assert.Equal(Utc(2026, 1, 15, 8, 3, 11), hat.EquippedSince);
        Assert.Equal(0L, hat.CashId);

        var wand = inventory.Compartment(1)!.Assets[1].Attributes;
        Assert.Equal(((short)1, 1372005u, (ushort)25, (ushort)57), (wand.Slot, wand.TemplateId, wand.WeaponAttack, wand.MagicAttack));
        Assert.Null(wand.EquippedSince);

        var stars = inventory.Compartment(2)!.Assets[1].Attributes;
        Assert.Equal((2070000u, 500u, 500ul), (stars.TemplateId, stars.Quantity, stars.Rechargeable));
        Assert.Equal(12u, inventory.Compartment(4)!.Assets[0].Attributes.Quantity);

        var pet = Assert.Single(inventory.Compartment(5)!.Assets);
        Assert.Equal(501u, pet.Id);
        var p = pet.Attributes;
        Assert.Equal((5000017u, 100000000123L, 60000012u, 1u, 7u), (p.TemplateId, p.CashId, p.CommodityId, p.PurchaseBy, p.PetId));
        Assert.Equal(Utc(2026, 4, 14, 20, 11, 2), p.Expiration);
    }

    [Fact]
    public void Compartment_by_type()
    {
        var compartment = RestResources.ReadCompartment(Example("inventory.compartment-by-type.json"));
        Assert.Equal(Guid.Parse("4d3f3c1e-7a8b-4e2f-9a10-1c2d3e4f5a62"), compartment.Id);
        Assert.Equal((2, 24u), ((int)compartment.Type, compartment.Capacity));
        Assert.Equal([(201u, 2000000u, 100u), (202u, 2070000u, 500u)],
            compartment.Assets.Select(a => (a.Id, a.Attributes.TemplateId, a.Attributes.Quantity)));
    }

    [Fact]
    public void Skills()
    {
        var skills = RestResources.ReadSkills(Example("skills.by-character.json"));
        Assert.Equal([2001002u, 2101004u], skills.Select(s => s.Id));
        Assert.Equal(((byte)10, (byte)0, DateTimeOffset.MinValue, DateTimeOffset.MinValue),
            (skills[0].Attributes.Level, skills[0].Attributes.MasterLevel, skills[0].Attributes.Expiration, skills[0].Attributes.CooldownExpiresAt));
        Assert.Equal((byte)5, skills[1].Attributes.Level);
        Assert.Equal(Utc(2026, 2, 10, 18, 41, 30), skills[1].Attributes.CooldownExpiresAt);
    }

    [Fact]
    public void Macros()
    {
        var macro = Assert.Single(RestResources.ReadMacros(Example("macros.by-character.json")));
        Assert.Equal(0, macro.Id);
        Assert.Equal(("Buffs", false, 2001002u, 2001003u, 0u),
            (macro.Attributes.Name, macro.Attributes.Shout, macro.Attributes.SkillId1, macro.Attributes.SkillId2, macro.Attributes.SkillId3));
    }

    [Fact]
    public void Quests()
    {
        var quests = RestResources.ReadQuests(Example("quests.by-character.json"));
        Assert.Equal([311u, 312u], quests.Select(q => q.Id));
        var done = quests[0].Attributes;
        Assert.Equal((1u, 1021u, QuestStates.Completed, 1u, 0u), (done.CharacterId, done.QuestId, done.State, done.CompletedCount, done.ForfeitCount));
        Assert.Equal(Utc(2026, 1, 14, 20, 15, 0), done.StartedAt);
        Assert.Equal(Utc(2026, 1, 14, 20, 16, 30), done.CompletedAt);
        Assert.Equal(DateTimeOffset.MinValue, done.ExpirationTime);
        Assert.Empty(done.Progress);
        var started = quests[1].Attributes;
        Assert.Equal((2050u, QuestStates.Started, DateTimeOffset.MinValue), (started.QuestId, started.State, started.CompletedAt));
        var progress = Assert.Single(started.Progress);
        Assert.Equal((100100u, "003"), (progress.InfoNumber, progress.Progress));
    }

    [Theory]
    [InlineData("pets.get-by-id.json")]
    [InlineData("pets.by-owner.json")]
    public void Pets(string file)
    {
        var pet = file.Contains("by-owner", StringComparison.Ordinal)
            ? Assert.Single(RestResources.ReadPets(Example(file)))
            : RestResources.ReadPet(Example(file));
        var a = pet.Attributes;
        Assert.Equal(7u, pet.Id);
        Assert.Equal((100000000123ul, 5000017u, "Kitty", (byte)5, (ushort)120, (byte)100), (a.CashId, a.TemplateId, a.Name, a.Level, a.Closeness, a.Fullness));
        Assert.Equal(Utc(2026, 4, 14, 20, 11, 2), a.Expiration);
        Assert.Equal((1u, (sbyte)0, (short)1850, (short)334, (byte)0, (short)0), (a.OwnerId, a.Slot, a.X, a.Y, a.Stance, a.Fh));
        Assert.Equal(4000000u, Assert.Single(a.Excludes).ItemId);
        Assert.Equal(((ushort)0, 1u), (a.Flag, a.PurchaseBy));
    }

    [Fact]
    public void Characters_in_map_carry_only_ids()
    {
        var characters = RestResources.ReadCharacters(Example("maps.characters-in-map.json"));
        Assert.Equal([1u, 4u], characters.Select(c => c.Id));
        Assert.Equal(string.Empty, characters[0].Attributes.Name);
    }

    [Fact]
    public void Key_patch_request_body_has_the_keys_shape()
    {
        var key = JsonApiDocument.Parse(Example("keys.patch.request.json")).Single(RestResources.KeysType);
        Assert.Equal("18", key.Id);
        Assert.Equal(4, key.Attributes.GetProperty("type").GetInt32());
        Assert.Equal(0, key.Attributes.GetProperty("action").GetInt32());
    }

    [Fact]
    public void Keys()
    {
        var keys = RestResources.ReadKeys(Example("keys.list.json"));
        Assert.Equal([(2, (sbyte)4, 10), (18, (sbyte)4, 0), (29, (sbyte)5, 52)], keys.Select(k => (k.Key, k.Attributes.Type, k.Attributes.Action)));
    }
}

/// <summary>The JSON:API decoding rules of spec/rest/README.md §3.2.</summary>
public sealed class JsonApiDocumentTests
{
    [Fact]
    public void Null_and_missing_attributes_leave_defaults_and_unknown_keys_are_ignored()
    {
        var character = RestResources.ReadCharacter("""
            {"data":{"type":"characters","id":"9","attributes":{"name":null,"level":null,"hp":12,"somethingNew":[1,2],"sp":null}}}
            """u8);
        Assert.Equal(9u, character.Id);
        Assert.Equal(string.Empty, character.Attributes.Name);
        Assert.Equal((byte)0, character.Attributes.Level);
        Assert.Equal((ushort)12, character.Attributes.Hp);
        Assert.Empty(character.Attributes.SkillPoints);
    }

    [Fact]
    public void Absent_keys_keep_empty_strings_and_lists()
    {
        var quest = Assert.Single(RestResources.ReadQuests("""
            {"data":[{"type":"quest-status","id":"","attributes":{"questId":5,"progress":null}}]}
            """u8));
        Assert.Equal((0u, 5u), (quest.Id, quest.Attributes.QuestId));
        Assert.Empty(quest.Attributes.Progress);
        var pet = RestResources.ReadPet("""{"data":{"type":"pets","id":"3","attributes":{"level":2}}}"""u8).Attributes;
        Assert.Equal((string.Empty, (byte)2), (pet.Name, pet.Level));
        Assert.Empty(pet.Excludes);
    }

    [Fact]
    public void The_type_must_match_exactly()
    {
        Assert.Throws<JsonApiFormatException>(() => RestResources.ReadCharacter("""{"data":{"type":"Characters","id":"1","attributes":{}}}"""u8));
        Assert.Throws<JsonApiFormatException>(() => RestResources.ReadQuests("""{"data":[{"type":"quests","id":"1","attributes":{}}]}"""u8));
    }

    [Theory]
    [InlineData("""{"data":null}""")]
    [InlineData("""{}""")]
    [InlineData("""not json""")]
    public void A_document_without_data_is_an_error(string body)
    {
        Assert.Throws<JsonApiFormatException>(() => JsonApiDocument.Parse(body));
    }

    [Fact]
    public void Single_versus_collection_is_checked()
    {
        Assert.Throws<JsonApiFormatException>(() => RestResources.ReadCharacter("""{"data":[]}"""u8));
        Assert.Empty(RestResources.ReadCharacters("""{"data":[]}"""u8));
    }

    [Fact]
    public void Included_resources_of_a_type_are_listed_with_or_without_a_relationship_naming_them()
    {
        var document = JsonApiDocument.Parse(File.ReadAllBytes(SpecFiles.Path("rest", "examples", "data.map.json")));
        Assert.Equal(["0", "1"], document.IncludedOfType("portals").Select(p => p.Id));
        Assert.Equal(["1000"], document.IncludedOfType("npcs").Select(p => p.Id));
        Assert.Empty(document.IncludedOfType("drops"));

        var unrelated = JsonApiDocument.Parse("""{"data":{"type":"maps","id":"1","attributes":{}},"included":[{"type":"portals","id":"2","attributes":{}}]}"""u8);
        Assert.Equal("2", Assert.Single(unrelated.IncludedOfType("portals")).Id);
    }

    [Fact]
    public void One_pet_resource_of_a_collection_reads_like_the_single_document()
    {
        var document = JsonApiDocument.Parse(File.ReadAllBytes(SpecFiles.Path("rest", "examples", "pets.by-owner.json")));
        var pet = RestResources.ReadPet(Assert.Single(document.Data));
        Assert.Equal((7u, 100000000123ul, (sbyte)0), (pet.Id, pet.Attributes.CashId, pet.Attributes.Slot));
        var badId = JsonApiDocument.Parse("""{"data":[{"type":"pets","id":"seven","attributes":{}}]}"""u8);
        Assert.Throws<JsonApiFormatException>(() => RestResources.ReadPet(badId.Data[0]));
    }

    [Fact]
    public void Related_ids_missing_from_included_are_dropped()
    {
        var compartment = RestResources.ReadCompartment("""
            {"data":{"type":"compartments","id":"4d3f3c1e-7a8b-4e2f-9a10-1c2d3e4f5a62","attributes":{"type":2,"capacity":24},
              "relationships":{"assets":{"data":[{"type":"assets","id":"1"},{"type":"assets","id":"2"}]}}},
             "included":[{"type":"assets","id":"2","attributes":{"slot":3,"templateId":2000001,"quantity":7}}]}
            """u8);
        var asset = Assert.Single(compartment.Assets);
        Assert.Equal((2u, (short)3, 7u), (asset.Id, asset.Attributes.Slot, asset.Attributes.Quantity));
    }

    [Fact]
    public void Go_timestamps_with_nanoseconds_and_offsets_parse()
    {
        var skills = RestResources.ReadSkills("""
            {"data":[{"type":"skills","id":"1","attributes":{"expiration":"2026-02-10T18:22:05.123456789Z","cooldownExpiresAt":"2026-02-10T20:22:05+02:00"}}]}
            """u8);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 18, 22, 5, TimeSpan.Zero).AddTicks(1234567), skills[0].Attributes.Expiration);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 18, 22, 5, TimeSpan.Zero), skills[0].Attributes.CooldownExpiresAt);
    }

    [Fact]
    public void Asset_cash_id_must_be_a_string_but_pet_cash_id_is_a_number()
    {
        Assert.Throws<JsonApiFormatException>(() => RestResources.ReadCompartment("""
            {"data":{"type":"compartments","id":"4d3f3c1e-7a8b-4e2f-9a10-1c2d3e4f5a62","attributes":{},
              "relationships":{"assets":{"data":[{"type":"assets","id":"1"}]}}},
             "included":[{"type":"assets","id":"1","attributes":{"cashId":5}}]}
            """u8));
        Assert.Equal(5ul, RestResources.ReadPet("""{"data":{"type":"pets","id":"1","attributes":{"cashId":5}}}"""u8).Attributes.CashId);
    }
}
