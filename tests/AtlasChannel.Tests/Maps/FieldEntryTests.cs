using System.Net;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Maps;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Testing;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

using static AtlasChannel.Tests.Maps.MapTestKit;

namespace AtlasChannel.Tests.Maps;

/// <summary>
/// CHARACTER_ENTER → everything already in the field (map.md step 4): REST JSON (the spec examples) → exact packets
/// to exactly the entering session; each part fails on its own.
/// </summary>
public sealed class FieldEntryTests
{
    // The monsters and drops examples are in world 0, channel 1, map 100010000, the nil instance.
    private const uint ExampleMap = 100010000;
    private const uint Henesys = 100000000;
    private const string Nil = "00000000-0000-0000-0000-000000000000";

    // 13:05:09 UTC (field.md §18's example), with the server's local zone pinned to UTC.
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 13, 5, 9, TimeSpan.Zero);

    private readonly MapTestKit _kit = new();
    private readonly ChannelServer _server = TestSessions.Server(TestSessions.TenantA, channel: 1, port: 7576);
    private readonly ChannelServer _otherChannel = TestSessions.Server(TestSessions.TenantA, channel: 0, port: 7575);
    private readonly ChannelServer _otherTenant = TestSessions.Server(TestSessions.TenantB, channel: 1, port: 7576);
    private readonly FieldEntry _entry;

    public FieldEntryTests()
    {
        var http = _kit.Http;
        IFieldEntryPart[] parts =
        [
            new FieldNpcs(http, NullLogger<FieldNpcs>.Instance),
            new FieldMonsters(http, NullLogger<FieldMonsters>.Instance),
            new FieldDrops(http, NullLogger<FieldDrops>.Instance),
            new FieldReactors(http, NullLogger<FieldReactors>.Instance),
            new FieldChalkboards(http, NullLogger<FieldChalkboards>.Instance),
            new FieldChairs(http, NullLogger<FieldChairs>.Instance),
            new FieldClock(new MapDataReader(http, TimeProvider.System), new FixedClock(Now, TimeZoneInfo.Utc), NullLogger<FieldClock>.Instance),
            new FieldTransport(http, NullLogger<FieldTransport>.Instance),
            new FieldPets(_kit.Registry, new AtlasChannel.Features.Pets.PetPeer(http, NullLogger<AtlasChannel.Features.Pets.PetPeer>.Instance), NullLogger<FieldPets>.Instance),
            new FieldPartyHp(_kit.Registry, new AtlasChannel.Features.Stats.PartyPeer(http), NullLogger<FieldPartyHp>.Instance),
        ];
        _entry = new FieldEntry(_kit.Registry, parts, NullLogger<FieldEntry>.Instance);
    }

    private static string Example(string name) => File.ReadAllText(SpecFiles.Path("rest", "examples", name));

    private static string FieldPath(uint mapId, string resource) => $"/api/worlds/0/channels/1/maps/{mapId}/instances/{Nil}/{resource}";

    private static MapStatusEvent<MapCharacterBody> Enter(uint characterId, uint mapId, byte channel = 1) => new()
    {
        TransactionId = Guid.NewGuid(),
        WorldId = 0,
        ChannelId = channel,
        MapId = mapId,
        Instance = Guid.Empty,
        Type = MapStatusTypes.CharacterEnter,
        Body = new MapCharacterBody { CharacterId = characterId },
    };

    /// <summary>Every spec example served for <paramref name="mapId"/> (the map's data with the town clock on).</summary>
    private void ServeExamples(uint mapId)
    {
        _kit.Responses[FieldPath(mapId, "monsters")] = Example("monsters.in-map.json");
        _kit.Responses[FieldPath(mapId, "drops")] = Example("drops.in-map.json");
        _kit.Responses[FieldPath(mapId, "reactors")] = Example("reactors.in-map.json").Replace("100000000", mapId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        _kit.Responses[FieldPath(mapId, "chalkboards")] = Example("chalkboards.in-map.json");
        _kit.Responses[FieldPath(mapId, "chairs")] = Example("chairs.in-map.json");
        _kit.Responses[$"/api/data/maps/{mapId}/npcs"] = Example("data.map-npcs.json");
        _kit.Responses[$"/api/data/maps/{mapId}"] = Example("data.map.json").Replace("\"clock\": false", "\"clock\": true", StringComparison.Ordinal);
        _kit.Responses["/api/transports/routes"] = Example("routes.list.json");
    }

    // Opcode + body of each expected packet (v83), derived by hand from the spec tables and the example documents.
    private const string Monster =
        "EC 00" + "2D CA 9A 3B" + "01" + "04 87 01 00" + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" +
        "38 01 D7 00" + "05" + "00 00" + "18 00" + "FF" + "FF" + "00 00 00 00"; // id 1000000045, controlled by 1, (312, 215), fh 24, NORMAL, team −1

    private const string ItemDrop =
        "0C 01" + "02" + "0C CA 9A 3B" + "00" + "00 09 3D 00" + "01 00 00 00" + "00" + "31 01 D7 00" + "2D CA 9A 3B" +
        "FF FF FF FF FF FF FF FF" + "01"; // existing, 1000000012, item 4000000, owner 1, (305, 215), monster drop

    private const string MesoDrop =
        "0C 01" + "02" + "0D CA 9A 3B" + "01" + "11 00 00 00" + "01 00 00 00" + "00" + "45 01 D7 00" + "2D CA 9A 3B" + "01"; // 17 mesos

    private const string Reactor = "17 01" + "01 94 35 77" + "10 4A 0F 00" + "00" + "06 06 4E 01" + "00" + "04 00 6D 42 6F 78"; // 2000000001, 1002000, "mBox"

    private static readonly string Chalkboard = "A4 00" + "01 00 00 00" + "01" + "14 00" + Convert.ToHexString("Selling 10% scrolls!"u8);

    private const string Chair = "C4 00" + "01 00 00 00" + "D0 ED 2D 00"; // character 1 on 3010000

    private const string NpcSpawn = "01 01" + "E8 03 00 00" + "20 71 0F 00" + "08 07 4E 01" + "01" + "46 00" + "D1 06" + "3F 07" + "01";

    private const string NpcControl = "03 01" + "01" + "E8 03 00 00" + "20 71 0F 00" + "08 07 4E 01" + "01" + "46 00" + "D1 06" + "3F 07" + "01";

    private const string Clock = "93 00" + "01 0D 05 09";

    private const string TransportMove1 = "95 00" + "02 00";

    [Fact]
    public async Task The_entering_character_gets_every_kind_from_the_spec_examples_and_nobody_else_gets_anything()
    {
        ServeExamples(ExampleMap);
        var bystander = _kit.InField(_server, 1, ExampleMap);
        var entering = _kit.InField(_server, 2, ExampleMap);
        var otherChannel = _kit.InField(_otherChannel, 3, ExampleMap);
        var foreign = _kit.InField(_otherTenant, 2, ExampleMap); // same character id, other tenant

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, ExampleMap), CancellationToken.None);

        // The reactors example is rewritten to this map; every other document is the spec file as is.
        string[] expected = [Monster, ItemDrop, MesoDrop, Reactor, Chalkboard, Chair, NpcSpawn, NpcControl, Clock, TransportMove1];
        Assert.Equal(expected.Select(Hex.Normal).Order(StringComparer.Ordinal), Drained(entering).Order(StringComparer.Ordinal));
        Assert.Empty(Drained(bystander));
        Assert.Empty(Drained(otherChannel));
        Assert.Empty(Drained(foreign));
        // Chairs and chalkboards on the server route with the instance (the reference's path has no route).
        Assert.Contains(FieldPath(ExampleMap, "chairs"), _kit.Requests);
        Assert.Contains(FieldPath(ExampleMap, "chalkboards"), _kit.Requests);
        Assert.DoesNotContain(_kit.Requests, p => p.EndsWith($"/maps/{ExampleMap}/chairs", StringComparison.Ordinal) || p.EndsWith($"/maps/{ExampleMap}/chalkboards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_character_without_a_session_on_this_channel_server_gets_nothing_and_nothing_is_asked()
    {
        ServeExamples(ExampleMap);
        var onChannel0 = _kit.InField(_otherChannel, 2, ExampleMap);
        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, ExampleMap, channel: 1), CancellationToken.None);
        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(9, ExampleMap), CancellationToken.None);
        Assert.Empty(Drained(onChannel0));
        Assert.Empty(_kit.Requests);
    }

    [Fact]
    public async Task The_entering_character_is_not_shown_its_own_chair()
    {
        ServeExamples(ExampleMap);
        var sitter = _kit.InField(_server, 1, ExampleMap);
        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(1, ExampleMap), CancellationToken.None);
        var sent = Drained(sitter);
        Assert.DoesNotContain(sent, p => p.StartsWith("C400", StringComparison.Ordinal));
        Assert.Contains(Hex.Normal(Chalkboard), sent); // its own open chalkboard is listed like the others
    }

    [Fact]
    public async Task Each_kind_fails_on_its_own_500_404_and_garbage_cost_only_that_kind()
    {
        ServeExamples(ExampleMap);
        _kit.Failures[FieldPath(ExampleMap, "monsters")] = HttpStatusCode.InternalServerError;
        _kit.Responses.TryRemove(FieldPath(ExampleMap, "drops"), out _); // 404
        _kit.Responses[FieldPath(ExampleMap, "reactors")] = "<html>bad gateway</html>";
        _kit.Responses[FieldPath(ExampleMap, "chairs")] = """{"data":{"type":"chairs","id":"3010000","attributes":{}}}""";
        _kit.Failures["/api/transports/routes"] = HttpStatusCode.BadGateway;
        _kit.Responses[$"/api/data/maps/{ExampleMap}"] = """{"data":null}""";
        var entering = _kit.InField(_server, 2, ExampleMap);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, ExampleMap), CancellationToken.None);

        string[] expected = [Chalkboard, NpcSpawn, NpcControl];
        Assert.Equal(expected.Select(Hex.Normal).Order(StringComparer.Ordinal), Drained(entering).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Chalkboards_and_npcs_failing_leave_the_rest()
    {
        ServeExamples(ExampleMap);
        _kit.Failures[FieldPath(ExampleMap, "chalkboards")] = HttpStatusCode.InternalServerError;
        _kit.Responses[$"/api/data/maps/{ExampleMap}/npcs"] = "not json";
        var entering = _kit.InField(_server, 2, ExampleMap);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, ExampleMap), CancellationToken.None);

        string[] expected = [Monster, ItemDrop, MesoDrop, Reactor, Chair, Clock, TransportMove1];
        Assert.Equal(expected.Select(Hex.Normal).Order(StringComparer.Ordinal), Drained(entering).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reactors_example_in_its_own_map_and_a_docked_boat_gives_enter1_and_no_clock_when_the_map_has_none()
    {
        _kit.Responses[FieldPath(Henesys, "reactors")] = Example("reactors.in-map.json");
        _kit.Responses[$"/api/data/maps/{Henesys}"] = Example("data.map.json"); // clock false
        _kit.Responses["/api/transports/routes"] = Example("routes.list.json").Replace("101000300", Henesys.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var entering = _kit.InField(_server, 2, Henesys);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, Henesys), CancellationToken.None);

        string[] expected = [Reactor, "95 00 00 00"];
        Assert.Equal(expected.Select(Hex.Normal).Order(StringComparer.Ordinal), Drained(entering).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("locked_entry", "00")]
    [InlineData("in_transit", "02")]
    [InlineData("awaiting_return", "02")]
    public void Boat_check_follows_the_route_state(string state, string expectedState)
    {
        var docked = FieldTransport.BoatDocked([new TransportRoute(101000300, state)], 101000300);
        Assert.Equal(expectedState == "00", docked);
        Assert.False(FieldTransport.BoatDocked([new TransportRoute(101000300, "open_entry")], 200000100));
    }

    [Fact]
    public async Task Hostile_resources_are_skipped_one_by_one()
    {
        var good = Example("monsters.in-map.json");
        var goodResource = good[(good.IndexOf('[', StringComparison.Ordinal) + 1)..good.LastIndexOf(']')];
        string[] bad =
        [
            """{"type":"monsters","id":"x1","attributes":{}}""",
            """{"type":"drops","id":"7","attributes":{}}""",
            goodResource.Replace("\"x\": 312", "\"x\": 99999", StringComparison.Ordinal),
            goodResource.Replace("\"monsterId\": 100100", "\"monsterId\": \"100100\"", StringComparison.Ordinal),
            goodResource.Replace("\"mapId\": 100010000", "\"mapId\": 100010001", StringComparison.Ordinal),
            goodResource.Replace("\"team\": -1,", "", StringComparison.Ordinal),
            """{"type":"monsters","id":"5","attributes":null}""",
        ];
        _kit.Responses[FieldPath(ExampleMap, "monsters")] = "{\"data\":[" + string.Join(',', bad) + "," + goodResource + "]}";
        _kit.Responses[FieldPath(ExampleMap, "chalkboards")] =
            """{"data":[{"type":"chalkboards","id":"0","attributes":{"message":"a"}},{"type":"chalkboards","id":"3","attributes":{"message":7}},{"type":"chalkboards","id":"4","attributes":{"message":"hi"}}]}""";
        _kit.Responses[FieldPath(ExampleMap, "chairs")] =
            """{"data":[{"type":"chairs","id":"3","attributes":{"type":"FIXED","characterId":1}},{"type":"chairs","id":"4000000","attributes":{"type":"PORTABLE","characterId":1}},{"type":"chairs","id":"3010001","attributes":{"type":"PORTABLE","characterId":-1}}]}""";
        var entering = _kit.InField(_server, 2, ExampleMap);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, ExampleMap), CancellationToken.None);

        string[] expected = [Monster, "A4 00 04 00 00 00 01 02 00 68 69"];
        Assert.Equal(expected.Select(Hex.Normal).Order(StringComparer.Ordinal), Drained(entering).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Map_events_run_the_entry_after_the_spawns_and_only_on_enter()
    {
        ServeExamples(ExampleMap);
        var already = _kit.InField(_server, 1, ExampleMap);
        var entering = _kit.InField(_server, 2, ExampleMap);
        var events = new MapEvents(_kit.Registry, new AtlasChannel.Peers.CharacterPeer(_kit.Http), new FixedClock(Now), NullLogger<MapEvents>.Instance, _entry);
        var subscriber = new Stats.CapturingSubscriber();
        events.Subscribe(subscriber);

        await subscriber.DeliverAsync(Topics.EventMapStatus, TestSessions.TenantA, Enter(2, ExampleMap));

        var sent = Drained(entering);
        Assert.StartsWith("A000", sent[0], StringComparison.Ordinal); // CharacterSpawn of character 1 comes first
        Assert.Equal(11, sent.Count);
        Assert.Single(Drained(already)); // only the newcomer's CharacterSpawn

        _kit.Requests.Clear();
        await subscriber.DeliverAsync(Topics.EventMapStatus, TestSessions.TenantA, Enter(2, ExampleMap) with { Type = MapStatusTypes.CharacterExit });
        Assert.Empty(_kit.Requests);
        Assert.Empty(Drained(entering));
    }

    [Fact]
    public async Task A_part_that_throws_is_contained()
    {
        var entering = _kit.InField(_server, 2, ExampleMap);
        var entry = new FieldEntry(_kit.Registry, [new Throwing(), new Sending()], NullLogger<FieldEntry>.Instance);
        await entry.SendForEnterAsync(TestSessions.TenantA, Enter(2, ExampleMap), CancellationToken.None);
        Assert.Equal([Hex.Normal("95 00 02 00")], Drained(entering));
    }

    private sealed class Throwing : IFieldEntryPart
    {
        public string Name => "throwing";

        public Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken) => throw new InvalidOperationException("bug");
    }

    private sealed class Sending : IFieldEntryPart
    {
        public string Name => "sending";

        public async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
        {
            await Task.Yield();
            entering.Send(FieldObjectPackets.TransportStateWriter, (byte)2, static (w, in _, s) => FieldObjectPackets.WriteTransportState(w, s));
        }
    }
}
