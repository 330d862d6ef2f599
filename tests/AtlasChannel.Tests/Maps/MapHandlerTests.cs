using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Maps;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Maps;

/// <summary>MapChangeHandle / PortalScriptHandle bytes → exact COMMAND_TOPIC_PORTAL JSON (compared with the spec example).</summary>
public sealed class MapHandlerTests
{
    private const string WestPortal = "/api/data/maps/100000000/portals?name=west00";

    private readonly MapTestKit _kit = new();
    private readonly ChannelServer _server = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1, port: 7576);
    private readonly MapChangeHandler _mapChange;
    private readonly PortalScriptHandler _portalScript;

    public MapHandlerTests()
    {
        var portals = new PortalDataPeer(_kit.Http, new MapDataReader(_kit.Http, TimeProvider.System));
        var commands = new PortalCommands(_kit.Publisher);
        var cashShopExit = new AtlasChannel.Features.CashShop.CashShopExit(
            new ChannelRegistryPeer(_kit.Http),
            new AtlasChannel.Features.Login.LoginCommands(_kit.Publisher),
            new AtlasChannel.Features.CashShop.CashShopStatus(_kit.Publisher),
            new AtlasChannel.Features.CashShop.CashShopPresence(),
            NullLogger<AtlasChannel.Features.CashShop.CashShopExit>.Instance);
        _mapChange = new MapChangeHandler(cashShopExit, new CharacterPeer(_kit.Http), portals, commands, NullLogger<MapChangeHandler>.Instance);
        _portalScript = new PortalScriptHandler(portals, commands, NullLogger<PortalScriptHandler>.Instance);
        _kit.Responses[WestPortal] = """{"data":[{"type":"portals","id":"2","attributes":{"name":"west00","target":"east00","type":2,"x":100,"y":200,"targetMapId":100000001,"scriptName":""}}]}""";
        _kit.Responses["/api/data/maps/100000000/portals?name=nowhere"] = """{"data":[]}""";
    }

    private static PacketContext Context(Session session, string handler, string hex)
    {
        var binding = session.Server.Opcodes.Handlers.First(h => h.Handler == handler);
        return new PacketContext(session, Hex.Bytes(hex), binding);
    }

    private static JsonNode Example(string name) =>
        JsonNode.Parse(File.ReadAllText(AtlasChannel.Testing.SpecFiles.Path("kafka", "examples", name)))!;

    private void AssertPortalEnterExample(uint characterId)
    {
        var (topic, key, message, tenant) = Assert.Single(_kit.Publisher.Published);
        var example = Example("COMMAND_TOPIC_PORTAL__ENTER.json");
        Assert.Equal(Topics.CommandPortal, topic);
        Assert.Equal((string)example["topic"]!, topic);
        Assert.Equal(((string)example["key"]!["hex"]!).ToUpperInvariant(), Hex.Of(key));
        Assert.Equal(TestSessions.TenantA, tenant);
        var expected = example["value"]!.DeepClone();
        expected["body"]!["characterId"] = characterId;
        var actual = JsonNode.Parse(ContractRegistry.Default.Serialize(message));
        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
    }

    [Fact]
    public async Task Walking_through_a_named_portal_produces_enter_for_that_portal_id()
    {
        var session = _kit.InField(_server, 1000017);
        _kit.Character(1000017, hp: 50);
        await _mapChange.HandleAsync(Context(session, "MapChangeHandle", "00 FF FF FF FF 06 00 77 65 73 74 30 30 64 00 C8 00 00 00 00"), CancellationToken.None);
        AssertPortalEnterExample(1000017);
        Assert.Contains(WestPortal, _kit.Requests);
    }

    [Fact]
    public async Task The_field_spec_example_bytes_produce_the_portal_example()
    {
        var session = _kit.InField(_server, 1000017);
        _kit.Character(1000017, hp: 50);
        await _mapChange.HandleAsync(Context(session, "MapChangeHandle", "01 00 E1 F5 05 06 00 77 65 73 74 30 30 64 00 C8 00 00 00 00"), CancellationToken.None);
        AssertPortalEnterExample(1000017);
    }

    [Fact]
    public async Task Portal_script_produces_enter()
    {
        var session = _kit.InField(_server, 1000017);
        await _portalScript.HandleAsync(Context(session, "PortalScriptHandle", "00 06 00 77 65 73 74 30 30 64 00 C8 00"), CancellationToken.None);
        AssertPortalEnterExample(1000017);
    }

    [Fact]
    public async Task Unknown_portal_name_produces_nothing()
    {
        var session = _kit.InField(_server, 1);
        _kit.Character(1, hp: 50);
        await _mapChange.HandleAsync(Context(session, "MapChangeHandle", "00 FF FF FF FF 07 00 6E 6F 77 68 65 72 65 01 00 02 00 00 00 00"), CancellationToken.None);
        await _portalScript.HandleAsync(Context(session, "PortalScriptHandle", "00 07 00 6E 6F 77 68 65 72 65 01 00 02 00"), CancellationToken.None);
        Assert.Empty(_kit.Publisher.Published);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task A_dead_character_produces_no_portal_command()
    {
        var session = _kit.InField(_server, 1);
        _kit.Character(1, hp: 0);
        await _mapChange.HandleAsync(Context(session, "MapChangeHandle", "00 FF FF FF FF 06 00 77 65 73 74 30 30 64 00 C8 00 00 00 00"), CancellationToken.None);
        Assert.Empty(_kit.Publisher.Published);
    }

    [Fact]
    public async Task Empty_map_change_from_a_client_not_in_the_cash_shop_does_nothing()
    {
        var session = _kit.InField(_server, 1);
        await _mapChange.HandleAsync(Context(session, "MapChangeHandle", ""), CancellationToken.None);
        Assert.Empty(_kit.Publisher.Published);
        Assert.Empty(_kit.Requests);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task A_truncated_packet_is_a_read_exception_the_dispatcher_drops()
    {
        var session = _kit.InField(_server, 1);
        await Assert.ThrowsAsync<Protocol.Packets.PacketReadException>(async () =>
            await _mapChange.HandleAsync(Context(session, "MapChangeHandle", "00 FF FF FF FF 06 00 77 65"), CancellationToken.None));
        Assert.Empty(_kit.Publisher.Published);
    }
}
