using System.Text.Json.Nodes;
using AtlasChannel.Features.KeyMap;
using AtlasChannel.Handlers;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.CashShop;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.KeyMap;

public class KeyMapChangeTests
{
    private readonly FakeRest _rest = new();
    private readonly SessionRegistry _registry = new();

    [Fact]
    public async Task Key_bindings_become_one_PATCH_per_key_with_the_example_body()
    {
        var session = Enter();
        // mode 0, two changes: key 18 → (4, 0), key 2 → (4, 10)
        await Handle(session, "00000000" + "02000000" + "12000000" + "04" + "00000000" + "02000000" + "04" + "0A000000");

        var requests = _rest.Requests.ToArray();
        Assert.Equal(new[] { ("PATCH", "characters/1000017/keys/18"), ("PATCH", "characters/1000017/keys/2") }, requests.Select(r => (r.Method, r.Path)).ToArray());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixtures.RestExample("keys.patch.request.json")), JsonNode.Parse(_rest.LastBodies["PATCH characters/1000017/keys/18"])));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"data":{"type":"keys","id":"2","attributes":{"type":4,"action":10}}}"""),
            JsonNode.Parse(_rest.LastBodies["PATCH characters/1000017/keys/2"])));
        Assert.All(requests, r => Assert.Equal(TestSessions.TenantA.Id.ToString("D"), r.Tenant));
        Assert.Empty(TestSessions.Drain(session));
    }

    [Theory]
    [InlineData("01000000", "91")]
    [InlineData("02000000", "92")]
    public async Task Auto_potions_patch_key_91_or_92_with_type_7(string mode, string key)
    {
        var session = Enter();
        await Handle(session, mode + "80841E00"); // item 2000000

        var request = Assert.Single(_rest.Requests);
        Assert.Equal(("PATCH", $"characters/1000017/keys/{key}"), (request.Method, request.Path));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"data":{"type":"keys","id":"KEY","attributes":{"type":7,"action":2000000}}}""".Replace("KEY", key, StringComparison.Ordinal)),
            JsonNode.Parse(_rest.LastBodies[$"PATCH characters/1000017/keys/{key}"])));
    }

    [Theory]
    [InlineData("00000000" + "05000000" + "12000000" + "04" + "00000000")] // count larger than the payload
    [InlineData("00000000" + "FFFFFFFF")] // negative count
    [InlineData("00000000" + "01000000" + "5A000000" + "04" + "00000000")] // key 90 is outside the map
    [InlineData("03000000" + "00000000")] // unknown mode
    public async Task Malformed_changes_patch_nothing(string payload)
    {
        var session = Enter();
        await Handle(session, payload);
        Assert.Empty(_rest.Requests);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task A_failing_KEYS_service_is_logged_and_the_session_stays()
    {
        _rest.Fail("characters/1000017/keys/91");
        var session = Enter();
        await Handle(session, "01000000" + "80841E00");
        Assert.Single(_rest.Requests);
        Assert.False(session.IsClosed);
    }

    private Session Enter() => InField.Enter(_registry, TestSessions.Server(TestSessions.TenantA), 1, 1000017);

    private async Task Handle(Session session, string hex)
    {
        Assert.True(session.Server.Opcodes.TryGetHandler(0x87, out var binding));
        var handler = new CharacterKeyMapChangeHandler(new KeyMapPeer(_rest.Http()), NullLogger<CharacterKeyMapChangeHandler>.Instance);
        await handler.HandleAsync(new PacketContext(session, Convert.FromHexString(hex), binding), CancellationToken.None);
    }
}
