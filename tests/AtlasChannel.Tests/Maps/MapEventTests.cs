using AtlasChannel.Contracts;
using AtlasChannel.Features.Field;
using AtlasChannel.Features.Maps;
using AtlasChannel.Peers;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

using static AtlasChannel.Tests.Maps.MapTestKit;

namespace AtlasChannel.Tests.Maps;

/// <summary>EVENT_TOPIC_MAP_STATUS and MAP_CHANGED → exact packets to exactly the right sessions.</summary>
public sealed class MapEventTests
{
    private const uint Henesys = 100000000;
    private static readonly DateTimeOffset Jan2020 = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MapTestKit _kit = new();
    private readonly ChannelServer _server = TestSessions.Server(TestSessions.TenantA);
    private readonly ChannelServer _otherChannel = TestSessions.Server(TestSessions.TenantA, channel: 1, port: 7576);
    private readonly ChannelServer _otherTenant = TestSessions.Server(TestSessions.TenantB);
    private readonly MapEvents _events;

    public MapEventTests() =>
        _events = new MapEvents(_kit.Registry, new CharacterPeer(_kit.Http), new FixedClock(Jan2020), NullLogger<MapEvents>.Instance);

    private static MapStatusEvent<MapCharacterBody> Status(string type, uint characterId, uint mapId = Henesys, byte channel = 0) => new()
    {
        TransactionId = Guid.NewGuid(),
        WorldId = 0,
        ChannelId = channel,
        MapId = mapId,
        Instance = Guid.Empty,
        Type = type,
        Body = new MapCharacterBody { CharacterId = characterId },
    };

    private static string SpawnOf(Session session, bool entering)
    {
        using var writer = new PacketWriter();
        writer.WriteInt16(0xA0);
        MapPackets.WriteCharacterSpawn(writer, session.Server.Version,
            new SpawnView(session.Character!, session.Position, session.Stance, session.Foothold, entering));
        return Hex.Of(writer.ToArray());
    }

    [Fact]
    public void Enter_spawns_the_newcomer_for_the_others_and_the_others_for_the_newcomer_only_in_that_field()
    {
        var first = _kit.InField(_server, 1);
        var second = _kit.InField(_server, 2);
        var newcomer = _kit.InField(_server, 3);
        var elsewhere = _kit.InField(_server, 4, mapId: 100000001);
        var otherInstance = _kit.InField(_server, 5, instance: Guid.NewGuid());
        var otherChannel = _kit.InField(_otherChannel, 6);
        var foreign = _kit.InField(_otherTenant, 3); // same character id and map, other tenant

        _events.OnMapStatus(TestSessions.TenantA, Status(MapStatusTypes.CharacterEnter, 3));

        var newcomerSpawn = SpawnOf(newcomer, entering: true);
        Assert.Equal([newcomerSpawn], Drained(first));
        Assert.Equal([newcomerSpawn], Drained(second));
        // The newcomer gets everyone already there, standing where they are; never itself.
        Assert.Equal(new HashSet<string> { SpawnOf(first, entering: false), SpawnOf(second, entering: false) }, Drained(newcomer).ToHashSet());
        Assert.Empty(Drained(elsewhere));
        Assert.Empty(Drained(otherInstance));
        Assert.Empty(Drained(otherChannel));
        Assert.Empty(Drained(foreign));
    }

    [Fact]
    public void Entering_spawn_bytes_are_hand_derived_from_the_spec_table()
    {
        var first = _kit.InField(_server, 1);
        var newcomer = _kit.InField(_server, 2); // at (20, 50), stance 4, foothold 9
        _events.OnMapStatus(TestSessions.TenantA, Status(MapStatusTypes.CharacterEnter, 2));
        const string expected =
            "A0 00" + "02 00 00 00" + "32" + "02 00 43 32" + "00 00" + "00 00 00 00 00 00" +
            "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" + "64 00" + MapPacketTests.SpecAvatar +
            "00 00 00 00 00 00 00 00 00 00 00 00" +
            "14 00 08 00 06 00 00 00" + // x 20, y 50 − 42 = 8, stance 6, foothold 0, admin 0
            "00 01 00 00 00 00 00 00 00 00 00 00 00" +
            "00 00 00 00 00 00 00 00 00";
        Assert.Equal([Hex.Normal(expected)], Drained(first));
        Assert.Single(Drained(newcomer));
    }

    [Fact]
    public void Enter_of_a_character_without_a_session_here_sends_nothing()
    {
        var first = _kit.InField(_server, 1);
        var foreign = _kit.InField(_otherTenant, 2);
        _events.OnMapStatus(TestSessions.TenantA, Status(MapStatusTypes.CharacterEnter, 2));
        // The event's channel is 1 but character 1's session is on channel 0.
        _events.OnMapStatus(TestSessions.TenantA, Status(MapStatusTypes.CharacterEnter, 1, channel: 1));
        Assert.Empty(Drained(first));
        Assert.Empty(Drained(foreign));
    }

    [Fact]
    public void Exit_despawns_for_the_others_in_the_field_only()
    {
        var first = _kit.InField(_server, 1);
        var leaving = _kit.InField(_server, 2);
        var elsewhere = _kit.InField(_server, 4, mapId: 100000001);
        var foreign = _kit.InField(_otherTenant, 5);
        var otherChannel = _kit.InField(_otherChannel, 6);

        _events.OnMapStatus(TestSessions.TenantA, Status(MapStatusTypes.CharacterExit, 2));

        Assert.Equal([Hex.Normal("A1 00 02 00 00 00")], Drained(first));
        Assert.Empty(Drained(leaving));
        Assert.Empty(Drained(elsewhere));
        Assert.Empty(Drained(foreign));
        Assert.Empty(Drained(otherChannel));
    }

    [Fact]
    public void Exit_of_a_character_already_gone_still_reaches_the_field()
    {
        var first = _kit.InField(_server, 1);
        _events.OnMapStatus(TestSessions.TenantA, Status(MapStatusTypes.CharacterExit, 99));
        Assert.Equal([Hex.Normal("A1 00 63 00 00 00")], Drained(first));
    }

    [Fact]
    public async Task Map_changed_moves_the_session_and_sends_the_warp_with_the_rest_hp()
    {
        var mover = _kit.InField(_server, 1);
        var bystander = _kit.InField(_server, 2);
        var foreign = _kit.InField(_otherTenant, 1);
        _kit.Character(1, hp: 500);
        var status = new CharacterStatusEvent<CharacterMapChangedBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = 0,
            CharacterId = 1,
            Type = CharacterStatusTypes.MapChanged,
            Body = new CharacterMapChangedBody { ChannelId = 0, OldMapId = Henesys, TargetMapId = Henesys, TargetPortalId = 2 },
        };
        status = status with { Body = status.Body with { TargetMapId = 100000001 } };

        await _events.OnMapChangedAsync(TestSessions.TenantA, status, CancellationToken.None);

        // field.md §2 example with map 100000001 (01 E1 F5 05), portal 2, HP 500, 2020-01-01.
        Assert.Equal([Hex.Normal("7D 00 00 00 00 00 00 00 00 00 00 01 E1 F5 05 02 F4 01 00 00 00 05 69 36 C0 D5 01")], Drained(mover));
        Assert.Equal(100000001u, mover.Map.MapId);
        Assert.Equal([mover], _kit.Registry.InMap(mover.Map).ToArray());
        Assert.Equal([bystander], _kit.Registry.InMap(bystander.Map).ToArray());
        Assert.Empty(Drained(bystander));
        Assert.Empty(Drained(foreign));
        Assert.Equal(Henesys, (uint)foreign.Map.MapId);
    }

    [Fact]
    public async Task Map_changed_for_another_channel_is_ignored()
    {
        var mover = _kit.InField(_server, 1);
        _kit.Character(1, hp: 500);
        var status = new CharacterStatusEvent<CharacterMapChangedBody>
        {
            CharacterId = 1,
            Type = CharacterStatusTypes.MapChanged,
            Body = new CharacterMapChangedBody { ChannelId = 1, OldMapId = Henesys, TargetMapId = 100000001 },
        };
        await _events.OnMapChangedAsync(TestSessions.TenantA, status, CancellationToken.None);
        Assert.Empty(Drained(mover));
        Assert.Equal(Henesys, mover.Map.MapId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Map_changed_places_the_character_at_the_target_portal_when_data_knows_it(bool dataKnowsThePortal)
    {
        var events = new MapEvents(_kit.Registry, new CharacterPeer(_kit.Http), new FixedClock(Jan2020), NullLogger<MapEvents>.Instance, portals: new PortalDataPeer(_kit.Http, new MapDataReader(_kit.Http, TimeProvider.System)));
        var mover = _kit.InField(_server, 1); // stands at (10, 50) in Henesys
        _kit.Character(1, hp: 500);
        if (dataKnowsThePortal)
        {
            _kit.Responses["/api/data/maps/100000001"] =
                """{"data":{"type":"maps","id":"100000001","attributes":{"clock":false}},"included":[{"type":"portals","id":"2","attributes":{"name":"west00","x":-1289,"y":214}}]}""";
        }
        else
        {
            _kit.Failures["/api/data/maps/100000001"] = System.Net.HttpStatusCode.InternalServerError;
        }

        var status = new CharacterStatusEvent<CharacterMapChangedBody>
        {
            CharacterId = 1,
            Type = CharacterStatusTypes.MapChanged,
            Body = new CharacterMapChangedBody { ChannelId = 0, OldMapId = Henesys, TargetMapId = 100000001, TargetPortalId = 2 },
        };
        await events.OnMapChangedAsync(TestSessions.TenantA, status, CancellationToken.None);

        Assert.Single(Drained(mover)); // the warp goes out either way
        Assert.Equal(100000001u, mover.Map.MapId);
        Assert.Equal(dataKnowsThePortal ? new Protocol.Packets.Position(-1289, 214) : new Protocol.Packets.Position(10, 50), mover.Position);
    }
}
