using AtlasChannel.Contracts;
using AtlasChannel.Features.CashShop;
using AtlasChannel.Features.Login;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.CashShop;

public class CashShopExitTests
{
    private const string OwnEntry = "worlds/0/channels/1";

    private readonly FakeRest _rest = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly SessionRegistry _registry = new();
    private readonly CashShopPresence _presence = new();

    [Fact]
    public async Task Leaving_produces_CHARACTER_EXIT_then_PROGRESS_STATE_2_with_this_channels_own_address()
    {
        _rest.Serve(OwnEntry, Fixtures.RestExample("channels.get.json"));
        var session = InShop();

        Assert.True(await Exit().LeaveAsync(session, CancellationToken.None));

        Assert.Equal(SessionPhase.Migrating, session.Phase);
        Assert.False(_presence.IsInShop(session));
        var published = _publisher.Published.ToArray();
        Assert.Equal(2, published.Length);
        Assert.Equal(Topics.EventCashShopStatus, published[0].Topic);
        Assert.Equal(TestJson.KafkaExampleKey("EVENT_TOPIC_CASH_SHOP_STATUS__CHARACTER_EXIT"), published[0].Key);
        TestJson.AssertSameJson(TestJson.KafkaExampleValue("EVENT_TOPIC_CASH_SHOP_STATUS__CHARACTER_EXIT"), published[0].Message);

        Assert.Equal(Topics.CommandAccountSession, published[1].Topic);
        var command = Assert.IsType<AccountSessionCommand<AccountSessionProgressStateBody>>(published[1].Message);
        var expected = TestJson.KafkaExampleValue("COMMAND_TOPIC_ACCOUNT_SESSION__PROGRESS_STATE__CHANNEL_CHANGE");
        expected["sessionId"] = session.Id.ToString("D");
        expected["accountId"] = 1;
        expected["body"]!["params"]!["ipAddress"] = "192.168.23.232"; // channels.get.json: this channel's registry entry
        expected["body"]!["params"]!["port"] = 8302;
        TestJson.AssertSameJson(expected, command);
        Assert.All(published, p => Assert.Equal(TestSessions.TenantA, p.Tenant));
        Assert.Empty(TestSessions.Drain(session)); // ChannelChange comes later, from the LoginGate on STATE_CHANGED
    }

    [Fact]
    public async Task Leaving_when_not_in_the_shop_does_nothing()
    {
        _rest.Serve(OwnEntry, Fixtures.RestExample("channels.get.json"));
        var session = InField.Enter(_registry, Server(), 1, 1000017);

        Assert.False(await Exit().LeaveAsync(session, CancellationToken.None));
        Assert.Equal(SessionPhase.InField, session.Phase);
        Assert.Empty(_publisher.Published);
        Assert.Empty(_rest.Requests);
    }

    [Theory]
    [InlineData(System.Net.HttpStatusCode.NotFound)]
    [InlineData(System.Net.HttpStatusCode.InternalServerError)]
    public async Task A_failed_registry_lookup_is_logged_only(System.Net.HttpStatusCode status)
    {
        _rest.Fail(OwnEntry, status);
        var session = InShop();

        Assert.False(await Exit().LeaveAsync(session, CancellationToken.None));
        Assert.Equal(SessionPhase.InField, session.Phase);
        Assert.True(_presence.IsInShop(session));
        Assert.False(session.IsClosed);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task A_failed_PROGRESS_STATE_destroys_the_session()
    {
        _rest.Serve(OwnEntry, Fixtures.RestExample("channels.get.json"));
        _publisher.Result = false;
        var session = InShop();

        Assert.False(await Exit().LeaveAsync(session, CancellationToken.None));
        Assert.True(session.IsClosed);
    }

    private static AtlasChannel.Tenancy.ChannelServer Server() => TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1);

    private Session InShop()
    {
        var session = InField.Enter(_registry, Server(), 1, 1000017);
        Assert.True(_presence.TryEnter(session));
        return session;
    }

    private CashShopExit Exit() =>
        new(new ChannelRegistryPeer(_rest.Http()), new LoginCommands(_publisher), new CashShopStatus(_publisher), _presence, NullLogger<CashShopExit>.Instance);
}
