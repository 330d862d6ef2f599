using System.Text;
using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Fame;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.CashShop;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Fame;

public class FameTests
{
    private const int Requester = 1000017;
    private const int Target = 1000023;

    private readonly FakeRest _rest = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly SessionRegistry _registry = new();
    private readonly CaptureSubscriber _subscriber = new();

    public FameTests() => new FameEvents(_registry, new CharacterPeer(_rest.Http()), NullLogger<FameEvents>.Instance).Subscribe(_subscriber);

    [Fact]
    public async Task Fame_up_becomes_REQUEST_CHANGE_exactly_as_the_example()
    {
        var session = Enter(TestSessions.TenantA, Requester, channel: 1);
        await Handle(session, "57420F00" + "01");

        var (topic, key, message, tenant) = Assert.Single(_publisher.Published);
        Assert.Equal(Topics.CommandFame, topic);
        Assert.Equal(TestJson.KafkaExampleKey("COMMAND_TOPIC_FAME__REQUEST_CHANGE"), key);
        Assert.Equal(TestSessions.TenantA, tenant);
        TestJson.AssertSameJson(TestJson.KafkaExampleValue("COMMAND_TOPIC_FAME__REQUEST_CHANGE"), message);
    }

    [Fact]
    public async Task Fame_down_is_amount_minus_one()
    {
        var session = Enter(TestSessions.TenantA, Requester, channel: 1);
        await Handle(session, "57420F00" + "00");

        var expected = TestJson.KafkaExampleValue("COMMAND_TOPIC_FAME__REQUEST_CHANGE");
        expected["body"]!["amount"] = -1;
        TestJson.AssertSameJson(expected, Assert.Single(_publisher.Published).Message);
    }

    [Theory]
    [InlineData("57420F00" + "02")] // not a mode
    [InlineData("51420F00" + "01")] // oneself
    [InlineData("00000000" + "01")] // nobody
    public async Task Invalid_requests_publish_nothing(string payload)
    {
        var session = Enter(TestSessions.TenantA, Requester, channel: 1);
        await Handle(session, payload);
        Assert.Empty(_publisher.Published);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task A_truncated_request_is_a_read_error()
    {
        var session = Enter(TestSessions.TenantA, Requester, channel: 1);
        await Assert.ThrowsAsync<Protocol.Packets.PacketReadException>(async () => await Handle(session, "57420F00"));
        Assert.Empty(_publisher.Published);
    }

    [Theory]
    [InlineData("NOT_TODAY", "260003")]
    [InlineData("NOT_THIS_MONTH", "260004")]
    [InlineData("INVALID_NAME", "260001")]
    [InlineData("NOT_MINIMUM_LEVEL", "260002")]
    [InlineData("UNEXPECTED", "260006")]
    [InlineData("SOMETHING_NEW", "260006")]
    public async Task An_error_goes_only_to_the_requester_of_its_tenant_world_and_channel(string error, string packet)
    {
        var requester = Enter(TestSessions.TenantA, Requester, channel: 1);
        var otherTenant = Enter(TestSessions.TenantB, Requester, channel: 1);
        var bystander = Enter(TestSessions.TenantA, Target, channel: 1);

        await _subscriber.DeliverAsync(Topics.EventFameStatus, TestSessions.TenantA, Error(error, channel: 1));

        Assert.Equal(Convert.FromHexString(packet), Assert.Single(TestSessions.Drain(requester)));
        Assert.Empty(TestSessions.Drain(otherTenant));
        Assert.Empty(TestSessions.Drain(bystander));
    }

    [Fact]
    public async Task The_example_error_decodes_and_an_error_for_another_channel_is_ignored()
    {
        var json = File.ReadAllText(AtlasChannel.Testing.SpecFiles.Path("kafka", "examples", "EVENT_TOPIC_FAME_STATUS__ERROR.json"));
        var decoded = ContractRegistry.Default.Decode(Topics.EventFameStatus, Encoding.UTF8.GetBytes(JsonNode.Parse(json)!["value"]!.ToJsonString()));
        var error = Assert.IsType<FameStatusEvent<FameErrorBody>>(decoded.Message);
        var onChannelZero = Enter(TestSessions.TenantA, Requester, channel: 0);

        await _subscriber.DeliverAsync(Topics.EventFameStatus, TestSessions.TenantA, error);
        Assert.Empty(TestSessions.Drain(onChannelZero));
    }

    [Fact]
    public async Task FAME_CHANGED_sends_RECEIVE_to_the_target_and_GIVE_with_the_new_total_to_the_giver()
    {
        ServeCharacter(Target, "Bob", 11);
        ServeCharacter(Requester, "Ann", 3);
        var giver = Enter(TestSessions.TenantA, Requester, channel: 1);
        var receiver = Enter(TestSessions.TenantA, Target, channel: 0);
        var otherTenantGiver = Enter(TestSessions.TenantB, Requester, channel: 1);
        var otherTenantReceiver = Enter(TestSessions.TenantB, Target, channel: 1);

        await _subscriber.DeliverAsync(Topics.EventCharacterStatus, TestSessions.TenantA, Changed(target: Target, actor: Requester, amount: 1));

        // chat-social.md §7.2 example: "Bob now 11".
        Assert.Equal(Convert.FromHexString("2600" + "00" + "0300426F62" + "01" + "0B000000"), Assert.Single(TestSessions.Drain(giver)));
        Assert.Equal(Convert.FromHexString("2600" + "05" + "0300416E6E" + "01"), Assert.Single(TestSessions.Drain(receiver)));
        Assert.Empty(TestSessions.Drain(otherTenantGiver));
        Assert.Empty(TestSessions.Drain(otherTenantReceiver));
    }

    [Fact]
    public async Task A_negative_total_is_written_as_a_real_int32_not_Atlas_int16_plus_zero()
    {
        ServeCharacter(Target, "Bob", -3);
        ServeCharacter(Requester, "Ann", 3);
        var giver = Enter(TestSessions.TenantA, Requester, channel: 1);

        await _subscriber.DeliverAsync(Topics.EventCharacterStatus, TestSessions.TenantA, Changed(target: Target, actor: Requester, amount: -1));

        Assert.Equal(Convert.FromHexString("2600" + "00" + "0300426F62" + "00" + "FDFFFFFF"), Assert.Single(TestSessions.Drain(giver)));
    }

    [Fact]
    public async Task Fame_from_a_non_character_actor_sends_nothing()
    {
        var receiver = Enter(TestSessions.TenantA, Target, channel: 0);
        var message = Changed(target: Target, actor: Requester, amount: 1) with { Body = new CharacterFameChangedBody { ActorId = Requester, ActorType = "NPC", Amount = 1 } };

        await _subscriber.DeliverAsync(Topics.EventCharacterStatus, TestSessions.TenantA, message);
        Assert.Empty(TestSessions.Drain(receiver));
        Assert.Empty(_rest.Requests);
    }

    private void ServeCharacter(int id, string name, int fame)
    {
        var node = JsonNode.Parse(Fixtures.Sandbox("characters", "1.json"))!;
        node["data"]!["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        node["data"]!["attributes"]!["name"] = name;
        node["data"]!["attributes"]!["fame"] = fame;
        _rest.Serve($"characters/{id}", Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    private static FameStatusEvent<FameErrorBody> Error(string error, byte channel) => new()
    {
        WorldId = 0,
        CharacterId = Requester,
        Type = FameStatusTypes.Error,
        Body = new FameErrorBody { ChannelId = channel, Error = error },
    };

    private static CharacterStatusEvent<CharacterFameChangedBody> Changed(int target, int actor, sbyte amount) => new()
    {
        WorldId = 0,
        CharacterId = (uint)target,
        Type = CharacterStatusTypes.FameChanged,
        Body = new CharacterFameChangedBody { ActorId = (uint)actor, ActorType = "CHARACTER", Amount = amount },
    };

    private Session Enter(Tenant tenant, int characterId, byte channel) =>
        InField.Enter(_registry, TestSessions.Server(tenant, world: 0, channel: channel), accountId: characterId, characterId);

    private async Task Handle(Session session, string hex)
    {
        Assert.True(session.Server.Opcodes.TryGetHandler(0x5F, out var binding));
        await new FameChangeHandler(_publisher, NullLogger<FameChangeHandler>.Instance).HandleAsync(new PacketContext(session, Convert.FromHexString(hex), binding), CancellationToken.None);
    }
}
