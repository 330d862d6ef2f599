using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Stats;
using AtlasChannel.Handlers;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using static AtlasChannel.Tests.Field.Hex;

namespace AtlasChannel.Tests.Stats;

/// <summary>Client bytes (spec examples) → exact COMMAND_TOPIC_CHARACTER JSON, key and tenant.</summary>
public class StatsHandlerTests
{
    private readonly StatsTestKit _kit = new();
    private readonly CapturingPublisher _publisher = new();
    private readonly StatsCommands _commands;
    private readonly Session _session;

    public StatsHandlerTests()
    {
        _commands = new StatsCommands(_publisher);
        _session = _kit.InField(TestSessions.TenantA, 1000017, mapId: 100000000, world: 0, channel: 1);
    }

    private async Task Handle(IPacketHandler handler, string payloadHex)
    {
        var binding = _session.Server.Opcodes.Handlers.Single(h => h.Handler == handler.Name);
        await handler.HandleAsync(new PacketContext(_session, Bytes(payloadHex), binding), CancellationToken.None);
    }

    private void AssertPublished(int index, string example, Action<JsonNode>? edit = null)
    {
        var expected = StatsTestKit.ExampleValue(example);
        edit?.Invoke(expected);
        var published = _publisher.Messages[index];
        Assert.Equal(Topics.CommandCharacter, published.Topic);
        Assert.Equal(StatsTestKit.ExampleKeyHex(example), Convert.ToHexString(published.Key).ToLowerInvariant());
        Assert.Equal(TestSessions.TenantA, published.Tenant);
        var actual = JsonNode.Parse(ContractRegistry.Default.Serialize(published.Message));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual!.ToJsonString()}");
    }

    [Fact]
    public async Task Distribute_ap_one_point_of_strength()
    {
        await Handle(new DistributeApHandler(_commands, NullLogger<DistributeApHandler>.Instance), "64 00 00 00 40 00 00 00");
        Assert.Single(_publisher.Messages);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__REQUEST_DISTRIBUTE_AP");
    }

    [Theory]
    [InlineData("80 00 00 00", "DEXTERITY")]
    [InlineData("00 01 00 00", "INTELLIGENCE")]
    [InlineData("00 02 00 00", "LUCK")]
    [InlineData("00 08 00 00", "HP")]
    [InlineData("00 20 00 00", "MP")]
    public async Task Distribute_ap_flags_map_to_abilities(string flag, string ability)
    {
        await Handle(new DistributeApHandler(_commands, NullLogger<DistributeApHandler>.Instance), "64 00 00 00 " + flag);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__REQUEST_DISTRIBUTE_AP", e => e["body"]!["distributions"]![0]!["ability"] = ability);
    }

    [Fact]
    public async Task Distribute_ap_with_an_unknown_flag_produces_nothing()
    {
        await Handle(new DistributeApHandler(_commands, NullLogger<DistributeApHandler>.Instance), "64 00 00 00 00 04 00 00"); // 0x400 = HP (current), not MAX_HP
        Assert.Empty(_publisher.Messages);
    }

    [Fact]
    public async Task Auto_distribute_ap_one_command_with_every_pair()
    {
        // combat-skills.md §13.2 example: STR +3, DEX +2.
        await Handle(new AutoDistributeApHandler(_commands, NullLogger<AutoDistributeApHandler>.Instance),
            "64 00 00 00 02 00 00 00 40 00 00 00 03 00 00 00 80 00 00 00 02 00 00 00");
        Assert.Single(_publisher.Messages);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__REQUEST_DISTRIBUTE_AP", e => e["body"]!["distributions"] = new JsonArray(
            new JsonObject { ["ability"] = "STRENGTH", ["amount"] = 3 },
            new JsonObject { ["ability"] = "DEXTERITY", ["amount"] = 2 }));
    }

    [Theory]
    [InlineData("64 00 00 00 02 00 00 00 40 00 00 00 03 00 00 00 01 00 00 00 02 00 00 00")] // unknown flag in the 2nd pair aborts all
    [InlineData("64 00 00 00 01 00 00 00 40 00 00 00 C8 00 00 00")] // 200 does not fit the int8 amount
    [InlineData("64 00 00 00 00 00 00 00")] // nothing to distribute
    public async Task Auto_distribute_ap_rejects_bad_pairs(string payload)
    {
        await Handle(new AutoDistributeApHandler(_commands, NullLogger<AutoDistributeApHandler>.Instance), payload);
        Assert.Empty(_publisher.Messages);
    }

    [Fact]
    public async Task Auto_distribute_ap_count_beyond_the_packet_is_a_read_error()
    {
        var handler = new AutoDistributeApHandler(_commands, NullLogger<AutoDistributeApHandler>.Instance);
        await Assert.ThrowsAsync<PacketReadException>(() => Handle(handler, "64 00 00 00 FF FF FF 7F 40 00 00 00 03 00 00 00"));
        Assert.Empty(_publisher.Messages);
    }

    [Fact]
    public async Task Distribute_sp_uses_the_skilId_key()
    {
        await Handle(new DistributeSpHandler(_commands), "64 00 00 00 2C 46 0F 00");
        Assert.Single(_publisher.Messages);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__REQUEST_DISTRIBUTE_SP");
    }

    [Fact]
    public async Task Drop_meso_carries_channel_and_map()
    {
        await Handle(new DropMesoHandler(_commands, NullLogger<DropMesoHandler>.Instance), "C3 B2 A1 00 F4 01 00 00");
        Assert.Single(_publisher.Messages);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__REQUEST_DROP_MESO");
        Assert.Empty(TestSessions.Drain(_session));
    }

    [Theory]
    [InlineData("C3 B2 A1 00 09 00 00 00")]
    [InlineData("C3 B2 A1 00 51 C3 00 00")]
    public async Task Drop_meso_outside_the_client_range_is_refused_and_the_client_unlocked(string payload)
    {
        await Handle(new DropMesoHandler(_commands, NullLogger<DropMesoHandler>.Instance), payload);
        Assert.Empty(_publisher.Messages);
        Assert.Equal(Normal("1F 00 01 00 00 00 00 00"), StatsTestKit.Hex(TestSessions.Drain(_session)));
    }

    [Fact]
    public async Task Heal_over_time_produces_change_hp_then_change_mp()
    {
        // combat-skills.md §5 example: mask 0x1400, +50 HP, +30 MP, option 0.
        await Handle(new HealOverTimeHandler(_commands, NullLogger<HealOverTimeHandler>.Instance), "64 00 00 00 00 14 00 00 32 00 1E 00 00");
        Assert.Equal(2, _publisher.Messages.Count);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__CHANGE_HP", e => e["body"]!["amount"] = 50);
        AssertPublished(1, "COMMAND_TOPIC_CHARACTER__CHANGE_MP", e => e["body"]!["amount"] = 30);
    }

    [Fact]
    public async Task Heal_over_time_mp_only_matches_the_example()
    {
        await Handle(new HealOverTimeHandler(_commands, NullLogger<HealOverTimeHandler>.Instance), "64 00 00 00 00 10 00 00 00 00 0C 00 00");
        Assert.Single(_publisher.Messages);
        AssertPublished(0, "COMMAND_TOPIC_CHARACTER__CHANGE_MP");
    }

    [Fact]
    public async Task Heal_over_time_never_forwards_negative_values()
    {
        await Handle(new HealOverTimeHandler(_commands, NullLogger<HealOverTimeHandler>.Instance), "64 00 00 00 00 14 00 00 DD FF 00 00 00");
        Assert.Empty(_publisher.Messages);
    }

    [Fact]
    public async Task Requests_from_a_session_not_in_the_field_are_ignored()
    {
        var anonymous = TestSessions.Create(TestSessions.Server(TestSessions.TenantA, 0, 1));
        var handler = new DistributeSpHandler(_commands);
        var binding = anonymous.Server.Opcodes.Handlers.Single(h => h.Handler == handler.Name);
        await handler.HandleAsync(new PacketContext(anonymous, Bytes("64 00 00 00 2C 46 0F 00"), binding), CancellationToken.None);
        Assert.Empty(_publisher.Messages);
    }

    [Fact]
    public void Every_handler_name_is_bound_in_the_v83_template()
    {
        string[] names = ["CharacterDistributeApHandle", "CharacterAutoDistributeApHandle", "CharacterDistributeSpHandle", "CharacterDropMesoHandle", "CharacterHealOverTimeHandle"];
        IPacketHandler[] handlers =
        [
            new DistributeApHandler(_commands, NullLogger<DistributeApHandler>.Instance),
            new AutoDistributeApHandler(_commands, NullLogger<AutoDistributeApHandler>.Instance),
            new DistributeSpHandler(_commands),
            new DropMesoHandler(_commands, NullLogger<DropMesoHandler>.Instance),
            new HealOverTimeHandler(_commands, NullLogger<HealOverTimeHandler>.Instance),
        ];
        Assert.Equal(names, handlers.Select(h => h.Name));
        Assert.All(names, n => Assert.Contains(_session.Server.Opcodes.Handlers, h => h.Handler == n));
    }
}
