using System.Net;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Maps;
using AtlasChannel.Features.Pets;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Pets;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

using static AtlasChannel.Tests.Maps.MapTestKit;

namespace AtlasChannel.Tests.Maps;

/// <summary>Pets on map entry (map.md CHARACTER_ENTER step 4): who gets which PetActivated / PetExcludeResponse.</summary>
public sealed class FieldPetsTests
{
    private const uint Henesys = 100000000;
    private const int Owner = 1000017; // pet.md's vectors
    private const string OwnPets = "/api/characters/1000017/pets";

    private static readonly CharacterPet BystanderPet = new(9, 77, 5000001, "Bo", 1, 0, 100, 1, 5, 6, 2, 3);

    // PetActivated of character 2's pet "Bo" (slot 1, SN 77, template 5000001, (5, 6), stance 2, fh 3).
    private const string BystanderSpawn = "A8 00 02 00 00 00 01 01 01 41 4B 4C 00 02 00 42 6F 4D 00 00 00 00 00 00 00 05 00 06 00 02 03 00 00 00";

    private readonly MapTestKit _kit = new();
    private readonly ChannelServer _server = TestSessions.Server(TestSessions.TenantA, channel: 1, port: 7576);
    private readonly ChannelServer _otherChannel = TestSessions.Server(TestSessions.TenantA, channel: 0, port: 7575);
    private readonly ChannelServer _otherTenant = TestSessions.Server(TestSessions.TenantB, channel: 1, port: 7576);
    private readonly FieldEntry _entry;

    public FieldPetsTests() =>
        _entry = new FieldEntry(_kit.Registry, [new FieldPets(_kit.Registry, new PetPeer(_kit.Http, NullLogger<PetPeer>.Instance), NullLogger<FieldPets>.Instance)], NullLogger<FieldEntry>.Instance);

    private static MapStatusEvent<MapCharacterBody> Enter(uint characterId) => new()
    {
        TransactionId = Guid.NewGuid(),
        WorldId = 0,
        ChannelId = 1,
        MapId = Henesys,
        Instance = Guid.Empty,
        Type = MapStatusTypes.CharacterEnter,
        Body = new MapCharacterBody { CharacterId = characterId },
    };

    private static string[] Normal(params string[] packets) => [.. packets.Select(Hex.Normal)];

    private Session WithPets(ChannelServer server, int characterId, uint mapId, params CharacterPet[] pets)
    {
        var session = _kit.InField(server, characterId, mapId);
        session.Character = session.Character! with { Pets = ValueList.Of(pets) };
        return session;
    }

    private static string PetResource(string id, string attributes) => "{\"type\":\"pets\",\"id\":\"" + id + "\",\"attributes\":{" + attributes + "}}";

    private const string Kitty =
        "\"cashId\":5000123,\"templateId\":5000017,\"name\":\"Kitty\",\"level\":5,\"closeness\":120,\"fullness\":100,\"expiration\":\"2027-01-14T20:11:02Z\"," +
        "\"ownerId\":1000017,\"slot\":0,\"x\":100,\"y\":200,\"stance\":0,\"fh\":15,\"excludes\":[{\"itemId\":2000000},{\"itemId\":4000000}],\"flag\":0,\"purchaseBy\":1";

    [Fact]
    public async Task Own_pets_from_PETS_go_to_everyone_in_the_field_and_the_exclusions_to_the_owner_only()
    {
        // The snapshot's pet is stale (loaded elsewhere); what is sent is PETS' current pet.
        var entering = WithPets(_server, Owner, Henesys, PetPacketTests.SpecPet with { X = 0, Y = 0, Foothold = 0 });
        var bystander = WithPets(_server, 2, Henesys, BystanderPet, BystanderPet with { Id = 10, Slot = -1 });
        var elsewhere = WithPets(_server, 3, Henesys + 1, BystanderPet);
        var otherChannel = WithPets(_otherChannel, 4, Henesys, BystanderPet);
        var foreign = WithPets(_otherTenant, 5, Henesys, BystanderPet); // same map, channel and world, other tenant
        _kit.Responses[OwnPets] = "{\"data\":[" + PetResource("7", Kitty) + "," + PetResource("8", Kitty.Replace("\"slot\":0", "\"slot\":-1", StringComparison.Ordinal)) + "]}";

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(Owner), CancellationToken.None);

        // The bystander's summoned pet (not its unsummoned one), then its own pet and that pet's exclusion list.
        Assert.Equal(Normal(BystanderSpawn, PetPacketTests.SpecSpawn, PetPacketTests.SpecExcludes), Drained(entering));
        Assert.Equal(Normal(PetPacketTests.SpecSpawn), Drained(bystander));
        Assert.Empty(Drained(elsewhere));
        Assert.Empty(Drained(otherChannel));
        Assert.Empty(Drained(foreign));
        Assert.Equal([OwnPets], _kit.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task When_PETS_fails_the_loaded_pets_are_announced_without_exclusion_lists(HttpStatusCode status)
    {
        var entering = WithPets(_server, Owner, Henesys, PetPacketTests.SpecPet, PetPacketTests.SpecPet with { Id = 8, Serial = 8, Slot = -1 });
        var bystander = WithPets(_server, 2, Henesys, BystanderPet);
        if (status != HttpStatusCode.NotFound)
            _kit.Failures[OwnPets] = status;

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(Owner), CancellationToken.None);

        Assert.Equal(Normal(BystanderSpawn, PetPacketTests.SpecSpawn), Drained(entering));
        Assert.Equal(Normal(PetPacketTests.SpecSpawn), Drained(bystander));
    }

    [Fact]
    public async Task An_undecodable_PETS_answer_falls_back_too()
    {
        var entering = WithPets(_server, Owner, Henesys, PetPacketTests.SpecPet);
        _kit.Responses[OwnPets] = "{\"data\":" + PetResource("7", Kitty) + "}"; // a single resource, not the owner list

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(Owner), CancellationToken.None);

        Assert.Equal(Normal(PetPacketTests.SpecSpawn), Drained(entering));
    }

    [Fact]
    public async Task Bad_pet_resources_are_skipped_one_by_one()
    {
        var entering = WithPets(_server, Owner, Henesys);
        string[] resources =
        [
            PetResource("x7", Kitty),
            PetResource("6", Kitty.Replace("\"slot\":0,", "", StringComparison.Ordinal)), // no slot: not summoned as lead by default
            PetResource("5", Kitty.Replace("\"templateId\":5000017,", "", StringComparison.Ordinal)),
            PetResource("4", Kitty.Replace("\"level\":5", "\"level\":\"five\"", StringComparison.Ordinal)),
            PetResource("3", Kitty.Replace("\"ownerId\":1000017", "\"ownerId\":2", StringComparison.Ordinal)),
            PetResource("2", Kitty.Replace("\"slot\":0", "\"slot\":3", StringComparison.Ordinal)),
            """{"type":"pets","id":"1","attributes":null}""",
            """{"type":"items","id":"9","attributes":{}}""",
            PetResource("7", Kitty),
        ];
        _kit.Responses[OwnPets] = "{\"data\":[" + string.Join(',', resources) + "]}";

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(Owner), CancellationToken.None);

        Assert.Equal(Normal(PetPacketTests.SpecSpawn, PetPacketTests.SpecExcludes), Drained(entering));
    }

    [Fact]
    public async Task A_character_without_pets_announces_nothing_and_sees_only_the_others()
    {
        var entering = WithPets(_server, 3, Henesys);
        var bystander = WithPets(_server, 2, Henesys, BystanderPet);
        _kit.Responses["/api/characters/3/pets"] = """{"data":[]}""";

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(3), CancellationToken.None);

        Assert.Equal(Normal(BystanderSpawn), Drained(entering));
        Assert.Empty(Drained(bystander));
    }
}
