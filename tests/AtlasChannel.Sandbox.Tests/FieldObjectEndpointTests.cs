using System.Net;
using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>MONSTERS / DROPS / REACTORS from the field fixtures; CHAIRS / CHALKBOARDS from the chairs and chalkboards services' state.</summary>
public sealed class FieldObjectEndpointTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private const string Nil = "00000000-0000-0000-0000-000000000000";

    private static string Field(byte channel, uint map, string resource, string instance = Nil) => $"worlds/0/channels/{channel}/maps/{map}/instances/{instance}/{resource}";

    private async Task<IReadOnlyList<JsonApiResource>> CollectionAsync(string path, string type) =>
        JsonApiDocument.Parse(await host.GetOkAsync(path)).Collection(type);

    [Fact]
    public async Task Henesys_has_the_fixture_monsters_reactor_and_drop_in_every_channel_with_that_fields_identity()
    {
        foreach (byte channel in new byte[] { 0, 1 })
        {
            var monsters = await CollectionAsync(Field(channel, 100000000, "monsters"), "monsters");
            Assert.Equal(["1000000001", "1000000002", "1000000003"], monsters.Select(m => m.Id));
            var snail = monsters[0].Attributes;
            Assert.Equal(100100u, snail.GetProperty("monsterId").GetUInt32());
            Assert.Equal(channel, snail.GetProperty("channelId").GetByte());
            Assert.Equal(100000000u, snail.GetProperty("mapId").GetUInt32());
            Assert.Equal(Nil, snail.GetProperty("instance").GetString());
            Assert.Equal(-1, snail.GetProperty("team").GetInt32());

            var reactor = Assert.Single(await CollectionAsync(Field(channel, 100000000, "reactors"), "reactors"));
            Assert.Equal("mBox", reactor.Attributes.GetProperty("name").GetString());
            var drop = Assert.Single(await CollectionAsync(Field(channel, 100000000, "drops"), "drops"));
            Assert.Equal(4000000u, drop.Attributes.GetProperty("itemId").GetUInt32());
            Assert.Equal(2, drop.Attributes.GetProperty("type").GetInt32());
        }
    }

    [Theory]
    [InlineData(100000001u, Nil)]
    [InlineData(100000000u, "7c6b5a49-3827-4165-9504-f3e2d1c0b9a8")]
    public async Task Other_maps_and_instances_are_empty(uint map, string instance)
    {
        foreach (var resource in new[] { "monsters", "drops", "reactors", "chairs", "chalkboards" })
            Assert.Empty(await CollectionAsync(Field(0, map, resource, instance), resource));
    }

    [Fact]
    public async Task Field_endpoints_refuse_a_foreign_tenant()
    {
        var foreign = new Tenant(Guid.NewGuid(), "GMS", 83, 1);
        foreach (var resource in new[] { "monsters", "drops", "reactors", "chairs", "chalkboards" })
        {
            using var request = host.Request(HttpMethod.Get, Field(0, 100000000, resource), foreign);
            using var response = await host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Chairs_list_who_sits_in_the_field_until_they_stand_up()
    {
        using var status = new Probe<ChairStatusEvent<ChairCharacterBody>>(host.Bus, Topics.EventChairStatus);
        await PublishAsync(Topics.CommandChair, 2101, new ChairCommand<ChairUseBody>
        {
            WorldId = 0, ChannelId = 1, MapId = 100000000, Type = ChairCommandTypes.Use,
            Body = new ChairUseBody { CharacterId = 2101, ChairType = ChairTypes.Portable, ChairId = 3010000 },
        });
        await status.WaitAsync(e => e.Body.CharacterId == 2101 && e.Type == ChairStatusTypes.Used);

        var chair = Assert.Single(await CollectionAsync(Field(1, 100000000, "chairs"), "chairs"));
        Assert.Equal("3010000", chair.Id);
        Assert.Equal("PORTABLE", chair.Attributes.GetProperty("type").GetString());
        Assert.Equal(2101u, chair.Attributes.GetProperty("characterId").GetUInt32());
        Assert.Empty(await CollectionAsync(Field(0, 100000000, "chairs"), "chairs"));

        await PublishAsync(Topics.CommandChair, 2101, new ChairCommand<ChairCharacterBody>
        {
            WorldId = 0, ChannelId = 1, MapId = 100000000, Type = ChairCommandTypes.Cancel, Body = new ChairCharacterBody { CharacterId = 2101 },
        });
        await status.WaitAsync(e => e.Body.CharacterId == 2101 && e.Type == ChairStatusTypes.Cancelled);
        Assert.Empty(await CollectionAsync(Field(1, 100000000, "chairs"), "chairs"));
    }

    [Fact]
    public async Task Chalkboards_list_who_has_one_open_until_it_is_cleared()
    {
        using var status = new Probe<ChalkboardStatusEvent<ChalkboardSetBody>>(host.Bus, Topics.EventChalkboardStatus);
        using var cleared = new Probe<ChalkboardStatusEvent<EmptyBody>>(host.Bus, Topics.EventChalkboardStatus);
        await PublishAsync(Topics.CommandChalkboard, 2102, new ChalkboardCommand<ChalkboardSetBody>
        {
            WorldId = 0, ChannelId = 1, MapId = 100000000, CharacterId = 2102, Type = ChalkboardTypes.Set, Body = new ChalkboardSetBody { Message = "hi there" },
        });
        await status.WaitAsync(e => e.CharacterId == 2102 && e.Type == ChalkboardTypes.Set);

        var board = Assert.Single(await CollectionAsync(Field(1, 100000000, "chalkboards"), "chalkboards"));
        Assert.Equal("2102", board.Id);
        Assert.Equal("hi there", board.Attributes.GetProperty("message").GetString());
        Assert.Single(host.Peers.ChalkboardsIn(new FieldKey(0, 1, 100000000, Guid.Empty)));

        await PublishAsync(Topics.CommandChalkboard, 2102, new ChalkboardCommand<EmptyBody>
        {
            WorldId = 0, ChannelId = 1, MapId = 100000000, CharacterId = 2102, Type = ChalkboardTypes.Clear,
        });
        await cleared.WaitAsync(e => e.CharacterId == 2102 && e.Type == ChalkboardTypes.Clear);
        Assert.Empty(await CollectionAsync(Field(1, 100000000, "chalkboards"), "chalkboards"));
    }

    [Fact]
    public async Task Leaving_the_field_stands_the_character_up_and_closes_its_chalkboard()
    {
        using var mapStatus = new Probe<MapStatusEvent<MapCharacterBody>>(host.Bus, Topics.EventMapStatus);
        using var chairStatus = new Probe<ChairStatusEvent<ChairCharacterBody>>(host.Bus, Topics.EventChairStatus);
        using var boardStatus = new Probe<ChalkboardStatusEvent<ChalkboardSetBody>>(host.Bus, Topics.EventChalkboardStatus);
        var session = Guid.NewGuid();
        await SessionAsync(session, 2103, SessionStatusTypes.Created);
        await mapStatus.WaitAsync(e => e.Body.CharacterId == 2103 && e.Type == MapStatusTypes.CharacterEnter);
        await PublishAsync(Topics.CommandChair, 2103, new ChairCommand<ChairUseBody>
        {
            MapId = 100000000, Type = ChairCommandTypes.Use,
            Body = new ChairUseBody { CharacterId = 2103, ChairType = ChairTypes.Portable, ChairId = 3010000 },
        });
        await PublishAsync(Topics.CommandChalkboard, 2103, new ChalkboardCommand<ChalkboardSetBody>
        {
            MapId = 100000000, CharacterId = 2103, Type = ChalkboardTypes.Set, Body = new ChalkboardSetBody { Message = "bye" },
        });
        await chairStatus.WaitAsync(e => e.Body.CharacterId == 2103 && e.Type == ChairStatusTypes.Used);
        await boardStatus.WaitAsync(e => e.CharacterId == 2103);
        var henesys = new FieldKey(0, 0, 100000000, Guid.Empty);
        Assert.Contains(host.Peers.SeatsIn(henesys), s => s.CharacterId == 2103);
        Assert.Contains(host.Peers.ChalkboardsIn(henesys), b => b.CharacterId == 2103);

        await SessionAsync(session, 2103, SessionStatusTypes.Destroyed);
        await mapStatus.WaitAsync(e => e.Body.CharacterId == 2103 && e.Type == MapStatusTypes.CharacterExit);
        Assert.DoesNotContain(host.Peers.SeatsIn(henesys), s => s.CharacterId == 2103);
        Assert.DoesNotContain(host.Peers.ChalkboardsIn(henesys), b => b.CharacterId == 2103);
    }

    private async Task SessionAsync(Guid session, uint characterId, string type)
    {
        var status = new SessionStatusEvent
        {
            SessionId = session, AccountId = characterId, CharacterId = characterId, WorldId = 0, ChannelId = 0,
            Issuer = SessionStatusTypes.ChannelIssuer, Type = type,
        };
        Assert.True(await host.Bus.PublishAsync(Topics.EventSessionStatus, MessageKeys.Create(characterId), status, host.Tenant));
    }

    private async Task PublishAsync(string topic, uint key, object command) =>
        Assert.True(await host.Bus.PublishAsync(topic, MessageKeys.Create(key), command, host.Tenant));
}
