using AtlasChannel.Contracts;
using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Stats;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using static AtlasChannel.Tests.Field.Hex;

namespace AtlasChannel.Tests.Stats;

/// <summary>EVENT_TOPIC_CHARACTER_STATUS examples → exact packets to exactly the right sessions.</summary>
public class StatsEventTests
{
    private const int Self = 1000017;
    private const int Other = 1000023;
    private const string AtlasAttributes =
        "\"level\":30,\"experience\":12045,\"gachaponExperience\":0,\"strength\":25,\"dexterity\":25,\"intelligence\":130,\"luck\":40," +
        "\"hp\":540,\"maxHp\":560,\"mp\":1203,\"maxMp\":1210,\"meso\":152300,\"hpMpUsed\":0,\"jobId\":210,\"skinColor\":0,\"gender\":0," +
        "\"fame\":4,\"hair\":30030,\"face\":20000,\"ap\":3,\"sp\":\"7,0,0\",\"mapId\":100000000,\"spawnPoint\":0,\"gm\":0,\"x\":0,\"y\":0,\"stance\":0";

    private readonly StatsTestKit _kit = new();
    private readonly CapturingSubscriber _bus = new();

    public StatsEventTests()
    {
        new StatsEvents(_kit.Registry, _kit.Characters, _kit.Parties, NullLogger<StatsEvents>.Instance).Subscribe(_bus);
        _kit.Peers.Serve($"characters/{Self}", StatsTestKit.CharacterJson(Self, "Atlas", AtlasAttributes));
        _kit.Peers.Serve($"characters/{Other}", StatsTestKit.CharacterJson(Other, "Bob", AtlasAttributes.Replace("\"fame\":4", "\"fame\":-3", StringComparison.Ordinal)));
    }

    private (Session Self, Session Neighbour, Session OtherMap, Session OtherTenant) Field(byte channel = 1)
    {
        var self = _kit.InField(TestSessions.TenantA, Self, channel: channel);
        var neighbour = _kit.InField(TestSessions.TenantA, Other, channel: channel);
        var otherMap = _kit.InField(TestSessions.TenantA, 1000030, mapId: 104000000, channel: channel);
        var otherTenant = _kit.InField(TestSessions.TenantB, Self, channel: channel); // same character id and map, other tenant
        return (self, neighbour, otherMap, otherTenant);
    }

    private ValueTask DeliverExample<T>(string example, Tenant tenant, Func<T, T>? edit = null)
        where T : class
    {
        var message = StatsTestKit.Decode<T>(Topics.EventCharacterStatus, StatsTestKit.ExampleValue(example));
        return _bus.DeliverAsync(Topics.EventCharacterStatus, tenant, edit is null ? message : edit(message));
    }

    [Fact]
    public async Task Stat_changed_rereads_the_character_and_sends_mask_and_values_in_order_to_self_only()
    {
        var (self, neighbour, otherMap, otherTenant) = Field();
        self.Character = new CharacterSnapshot { Stats = new CharacterStats { Id = Self, Strength = 4, Ap = 4 } };

        // updates [STRENGTH, AVAILABLE_AP], exclRequestSent true; the event's values (strength 25) are ignored,
        // REST says strength 25, ap 3. STRENGTH = index 6 (0x40), AVAILABLE_AP = index 14 (0x4000).
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA);

        Assert.Equal(Normal("1F 00 01 40 40 00 00 19 00 03 00 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
        Assert.Equal([$"characters/{Self}"], _kit.Peers.Requests); // no HP in the updates: no party lookup
        Assert.Empty(TestSessions.Drain(neighbour));
        Assert.Empty(TestSessions.Drain(otherMap));
        Assert.Empty(TestSessions.Drain(otherTenant));
        Assert.Equal(25, self.Character!.Stats.Strength);
        Assert.Equal(3, self.Character!.Stats.Ap);
        Assert.Equal(7, self.Character!.Stats.Sp);
    }

    [Fact]
    public async Task Stat_changed_values_come_from_the_fetched_character_not_the_event()
    {
        var (self, _, _, _) = Field();
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA, e => e with
        {
            Body = e.Body with { ExclRequestSent = false, Updates = ["MAX_HP", "HP", "AVAILABLE_SP", "MESO", "JOB"] },
        });

        // JOB 0x20, HP 0x400, MAX_HP 0x800, AVAILABLE_SP 0x8000, MESO 0x40000 ⇒ 0x48C20; read order JOB, HP, MAX_HP, SP, MESO.
        Assert.Equal(Normal("1F 00 00 20 8C 04 00 D2 00 1C 02 30 02 07 00 EC 52 02 00 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
    }

    [Fact]
    public async Task Stat_changed_hp_also_updates_party_members_in_the_same_field()
    {
        var (self, neighbour, otherMap, otherTenant) = Field();
        var stranger = _kit.InField(TestSessions.TenantA, 1000040); // same map, not in the party
        _kit.Peers.Serve($"parties?filter[members.id]={Self}", Party(Self, Other, 1000030, 1000040 + 1));
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA, e => e with
        {
            Body = e.Body with { ChannelId = 1, ExclRequestSent = false, Updates = ["HP"] },
        });

        Assert.Equal(Normal("1F 00 00 00 04 00 00 1C 02 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
        Assert.Equal(Normal("C9 00 51 42 0F 00 1C 02 00 00 30 02 00 00"), StatsTestKit.Hex(TestSessions.Drain(neighbour)));
        Assert.Empty(TestSessions.Drain(otherMap)); // a party member, but in another map
        Assert.Empty(TestSessions.Drain(stranger));
        Assert.Empty(TestSessions.Drain(otherTenant));
    }

    [Fact]
    public async Task Stat_changed_without_hp_does_not_ask_for_the_party()
    {
        Field();
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA);
        Assert.DoesNotContain(_kit.Peers.Requests, r => r.StartsWith("parties", StringComparison.Ordinal));
    }

    private static string Party(params int[] members)
    {
        var ids = string.Join(",", members.Select(m => $"{{\"type\":\"members\",\"id\":\"{m}\"}}"));
        var included = string.Join(",", members.Select(m =>
            $"{{\"type\":\"members\",\"id\":\"{m}\",\"attributes\":{{\"name\":\"m{m}\",\"level\":30,\"jobId\":0,\"worldId\":0,\"channelId\":1,\"mapId\":100000000,\"instance\":\"00000000-0000-0000-0000-000000000000\",\"online\":true}}}}"));
        return $"{{\"data\":[{{\"type\":\"parties\",\"id\":\"1000000000\",\"attributes\":{{\"leaderId\":{members[0]}}},\"relationships\":{{\"members\":{{\"data\":[{ids}]}}}}}}],\"included\":[{included}]}}";
    }

    [Fact]
    public async Task Stat_changed_failure_echo_is_enable_actions_without_a_character_read()
    {
        var (self, neighbour, _, otherTenant) = Field();
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA, e => e with
        {
            Body = e.Body with { Updates = [], Values = null },
        });

        Assert.Equal(Normal("1F 00 01 00 00 00 00 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
        Assert.Empty(_kit.Peers.Requests);
        Assert.Empty(TestSessions.Drain(neighbour));
        Assert.Empty(TestSessions.Drain(otherTenant));
    }

    [Fact]
    public async Task Stat_changed_for_an_unreadable_character_still_unlocks_the_client()
    {
        var self = _kit.InField(TestSessions.TenantA, 1000099);
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA, e => e with { CharacterId = 1000099 });
        Assert.Equal(Normal("1F 00 01 00 00 00 00 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
    }

    [Fact]
    public async Task Stat_changed_in_another_world_or_tenant_reaches_nobody()
    {
        var (self, _, _, otherTenant) = Field();
        await DeliverExample<CharacterStatusEvent<CharacterStatChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__STAT_CHANGED", TestSessions.TenantA, e => e with { WorldId = 1 });
        Assert.Empty(TestSessions.Drain(self));
        Assert.Empty(TestSessions.Drain(otherTenant));
        Assert.Empty(_kit.Peers.Requests);
    }

    [Fact]
    public async Task Experience_changed_sends_the_increase_experience_message_to_self_on_its_channel()
    {
        var (self, neighbour, _, otherTenant) = Field();

        // WHITE 42, PARTY 8 (attr1 0): white, amount 42, party bonus 8.
        await DeliverExample<CharacterStatusEvent<CharacterExperienceChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__EXPERIENCE_CHANGED", TestSessions.TenantA);

        Assert.Equal(
            Normal("27 00 03 01 2A 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
            StatsTestKit.Hex(TestSessions.Drain(self)));
        Assert.Empty(TestSessions.Drain(neighbour));
        Assert.Empty(TestSessions.Drain(otherTenant));
    }

    [Fact]
    public async Task Experience_changed_for_another_channel_is_ignored()
    {
        var self = _kit.InField(TestSessions.TenantA, Self, channel: 0);
        await DeliverExample<CharacterStatusEvent<CharacterExperienceChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__EXPERIENCE_CHANGED", TestSessions.TenantA);
        Assert.Empty(TestSessions.Drain(self));
    }

    [Fact]
    public async Task Meso_changed_sends_increase_meso_to_self()
    {
        var (self, neighbour, _, otherTenant) = Field();
        await DeliverExample<CharacterStatusEvent<CharacterMesoChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__MESO_CHANGED", TestSessions.TenantA);
        Assert.Equal(Normal("27 00 05 B0 04 00 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
        Assert.Empty(TestSessions.Drain(neighbour));
        Assert.Empty(TestSessions.Drain(otherTenant));
    }

    [Fact]
    public async Task Level_changed_sends_the_local_effect_to_self_and_the_foreign_effect_to_the_rest_of_the_field()
    {
        var (self, neighbour, otherMap, otherTenant) = Field();
        self.Character = new CharacterSnapshot { Stats = new CharacterStats { Id = Self, Level = 30 } };
        await DeliverExample<CharacterStatusEvent<CharacterLevelChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__LEVEL_CHANGED", TestSessions.TenantA);

        Assert.Equal(Normal("CE 00 00"), StatsTestKit.Hex(TestSessions.Drain(self)));
        Assert.Equal(Normal("C6 00 51 42 0F 00 00"), StatsTestKit.Hex(TestSessions.Drain(neighbour)));
        Assert.Empty(TestSessions.Drain(otherMap));
        Assert.Empty(TestSessions.Drain(otherTenant));
        Assert.Equal(31, self.Character!.Stats.Level);
    }

    [Fact]
    public async Task Level_changed_from_another_tenant_reaches_nobody()
    {
        var (self, neighbour, _, otherTenant) = Field();
        await DeliverExample<CharacterStatusEvent<CharacterLevelChangedBody>>("EVENT_TOPIC_CHARACTER_STATUS__LEVEL_CHANGED", new Tenant(Guid.NewGuid(), "GMS", 83, 1));
        Assert.Empty(TestSessions.Drain(self));
        Assert.Empty(TestSessions.Drain(neighbour));
        Assert.Empty(TestSessions.Drain(otherTenant));
    }
}
