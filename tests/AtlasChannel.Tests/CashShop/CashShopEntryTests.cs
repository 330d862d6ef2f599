using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.CashShop;
using AtlasChannel.Features.Field;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.CashShop;

public class CashShopEntryTests
{
    private const int AccountId = 1;
    private const int CharacterId = 1000017;
    private const string Locker = "accounts/1/cash-shop/inventory/compartments?type=1";
    private const string Wishlist = "characters/1000017/cash-shop/wishlist";
    private const string Wallet = "accounts/1/wallet";

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeRest _rest = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly SessionRegistry _registry = new();
    private readonly CashShopPresence _presence = new();

    public CashShopEntryTests()
    {
        _rest.Serve("accounts/1", Fixtures.RestExample("accounts.get-by-id.json"))
            .Serve("characters/1000017", Fixtures.Sandbox("characters", "1.json"))
            .Serve("characters/1000017/inventory", Fixtures.Sandbox("characters", "1", "inventory.json"))
            .Serve("characters/1000017/skills", Fixtures.Sandbox("characters", "1", "skills.json"))
            .Serve("characters/1000017/quests", Fixtures.Sandbox("characters", "1", "quests.json"))
            .Serve("characters/1000017/pets", Fixtures.Sandbox("characters", "1", "pets.json"))
            .Serve("characters/1000017/keys", Fixtures.Sandbox("characters", "1", "keys.json"))
            .Serve("characters/1000017/buddy-list", Fixtures.RestExample("buddies.buddy-list.json"))
            .Serve(Locker, Fixtures.RestExample("cashshop.compartment-by-type.json"))
            .Serve("storage/accounts/1?worldId=0", StorageWithCapacity(6))
            .Serve(Wishlist, Fixtures.RestExample("cashshop.wishlist.json"))
            .Serve(Wallet, Fixtures.RestExample("cashshop.wallet.json"));
    }

    [Fact]
    public async Task Entry_sends_open_locker_wishlist_wallet_in_order_then_CHARACTER_ENTER()
    {
        var session = Enter();
        await Handle(session);

        var packets = TestSessions.Drain(session);
        Assert.Equal(4, packets.Count);
        Assert.Equal(await ExpectedOpenAsync("admin"), packets[0]);
        Assert.Equal(Convert.FromHexString(
            "4501" + "4B" + "0100"
            + "7CE8764817000000" + "01000000" + "01000000" + "58954E00" + "80473701" + "0100"
            + "00000000000000000000000000" + "FFFFFFFFFFFFFFFF" + "00000000" + "00000000"
            + "0600" + "0400"), packets[1]);
        Assert.Equal(Convert.FromHexString("4501" + "4F" + "80473701" + string.Concat(Enumerable.Repeat("00000000", 9))), packets[2]);
        Assert.Equal(Convert.FromHexString("4401" + "10270000" + "C4090000" + "00000000"), packets[3]);

        var (topic, key, message, tenant) = Assert.Single(_publisher.Published);
        Assert.Equal(Topics.EventCashShopStatus, topic);
        Assert.Equal(TestJson.KafkaExampleKey("EVENT_TOPIC_CASH_SHOP_STATUS__CHARACTER_ENTER"), key);
        Assert.Equal(TestSessions.TenantA, tenant);
        TestJson.AssertSameJson(TestJson.KafkaExampleValue("EVENT_TOPIC_CASH_SHOP_STATUS__CHARACTER_ENTER"), message);
        Assert.True(_presence.IsInShop(session));
        Assert.False(session.IsClosed);
        Assert.All(_rest.Requests, r => Assert.Equal(TestSessions.TenantA.Id.ToString("D"), r.Tenant));
    }

    [Fact]
    public async Task Locker_storage_and_wallet_failures_fall_back_to_empty_default_and_zero()
    {
        _rest.Fail(Locker).Fail("storage/accounts/1?worldId=0").Serve(Wallet, [], HttpStatusCode.NotFound);
        var session = Enter();
        await Handle(session);

        var packets = TestSessions.Drain(session);
        Assert.Equal(4, packets.Count);
        Assert.Equal(Convert.FromHexString("4501" + "4B" + "0000" + "0400" + "0400"), packets[1]);
        Assert.Equal(Convert.FromHexString("4401" + "000000000000000000000000"), packets[3]);
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task A_failed_wish_list_lookup_stops_before_the_wish_list_wallet_and_CHARACTER_ENTER()
    {
        _rest.Fail(Wishlist);
        var session = Enter();
        await Handle(session);

        var packets = TestSessions.Drain(session);
        Assert.Equal(2, packets.Count);
        Assert.Equal(Hex("7F00"), packets[0][..2]);
        Assert.Equal(Convert.FromHexString("45014B"), packets[1][..3]);
        Assert.False(_rest.Requested(Wallet));
        Assert.Empty(_publisher.Published);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task A_failed_wallet_send_skips_CHARACTER_ENTER()
    {
        var session = Enter(capacity: 3); // the fourth packet overflows the queue: the send fails
        await Handle(session);

        Assert.True(session.IsClosed);
        Assert.Equal(3, TestSessions.Drain(session).Count);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task A_failed_second_send_stops_there()
    {
        var session = Enter(capacity: 1);
        await Handle(session);

        Assert.True(session.IsClosed);
        Assert.False(_rest.Requested(Wishlist));
        Assert.False(_rest.Requested(Wallet));
        Assert.Empty(_publisher.Published);
    }

    [Theory]
    [InlineData("accounts/1", HttpStatusCode.NotFound)]
    [InlineData("accounts/1", HttpStatusCode.InternalServerError)]
    [InlineData("characters/1000017", HttpStatusCode.NotFound)]
    [InlineData("characters/1000017/inventory", HttpStatusCode.InternalServerError)]
    [InlineData("characters/1000017/buddy-list", HttpStatusCode.InternalServerError)]
    public async Task A_failed_account_character_or_buddy_list_lookup_destroys_the_session(string path, HttpStatusCode status)
    {
        _rest.Fail(path, status);
        var session = Enter();
        await Handle(session);

        Assert.True(session.IsClosed);
        Assert.Empty(TestSessions.Drain(session));
        Assert.Empty(_publisher.Published);
        Assert.False(_presence.IsInShop(session));
    }

    [Fact]
    public async Task A_second_entry_while_in_the_shop_is_ignored()
    {
        var session = Enter();
        await Handle(session);
        TestSessions.Drain(session);
        await Handle(session);
        Assert.Empty(TestSessions.Drain(session));
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task A_truncated_packet_is_a_read_error_and_sends_nothing()
    {
        var session = Enter();
        var handler = Handler();
        await Assert.ThrowsAsync<PacketReadException>(async () => await handler.HandleAsync(Context(session, [0x01, 0x02]), CancellationToken.None));
        Assert.Empty(TestSessions.Drain(session));
        Assert.Empty(_rest.Requests);
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private static byte[] StorageWithCapacity(int capacity)
    {
        var node = JsonNode.Parse(Fixtures.RestExample("storage.get.json"))!;
        node["data"]!["attributes"]!["capacity"] = capacity;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private async Task<byte[]> ExpectedOpenAsync(string accountName)
    {
        var loaded = await new CharacterPeer(_rest.Http()).LoadAsync(TestSessions.TenantA, CharacterId, CancellationToken.None);
        using var writer = new PacketWriter();
        writer.WriteInt16(0x7F);
        CharacterDataWriter.Write(writer, loaded!.Snapshot, FieldLayout.For(Fixtures.V83), Now);
        var tail = new StringBuilder();
        tail.Append("01").Append(Convert.ToHexString(new byte[] { (byte)accountName.Length, 0 })).Append(Convert.ToHexString(Encoding.ASCII.GetBytes(accountName)));
        tail.Append("00000000").Append("0000").Append("00");
        int[] serials = [50200004, 50200069, 50200117, 50100008, 50000047];
        for (var category = 0; category < 9; category++)
        {
            for (var gender = 0; gender < 2; gender++)
            {
                foreach (var serial in serials)
                    tail.Append(Le(category)).Append(Le(gender)).Append(Le(serial));
            }
        }

        tail.Append("0000").Append("0000").Append("0000").Append("00").Append("C8000000");
        Assert.StartsWith("010500" + "61646D696E" + "00000000" + "0000" + "00" + "0000000000000000C4FDFD02" + "000000000000000005FEFD02", tail.ToString(), StringComparison.Ordinal);
        return [.. writer.WrittenSpan, .. Convert.FromHexString(tail.ToString())];
    }

    private static string Le(int value) => Convert.ToHexString(BitConverter.GetBytes(value));

    private Session Enter(int capacity = 64) =>
        InField.Enter(_registry, TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1), AccountId, CharacterId, capacity: capacity);

    private CashShopEntryHandler Handler()
    {
        var http = _rest.Http();
        return new CashShopEntryHandler(new CharacterPeer(http), new CashShopPeer(http), new CashShopStatus(_publisher), _presence, new FixedClock(Now), NullLogger<CashShopEntryHandler>.Instance);
    }

    private static PacketContext Context(Session session, byte[] payload) =>
        new(session, payload, session.Server.Opcodes.TryGetHandler(0x28, out var binding) ? binding : throw new InvalidOperationException("no 0x28"));

    private async Task Handle(Session session) =>
        await Handler().HandleAsync(Context(session, [0x10, 0x27, 0x00, 0x00]), CancellationToken.None);
}
