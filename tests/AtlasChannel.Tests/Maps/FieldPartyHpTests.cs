using System.Net;
using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Maps;
using AtlasChannel.Features.Stats;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Testing;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

using static AtlasChannel.Tests.Maps.MapTestKit;

namespace AtlasChannel.Tests.Maps;

/// <summary>The party HP exchange on map entry (map.md CHARACTER_ENTER step 4) with the parties.md example: members 1 and 4, both online.</summary>
public sealed class FieldPartyHpTests
{
    private const uint Henesys = 100000000;
    private const string PartyOf1 = "/api/parties?filter[members.id]=1";

    // PartyMemberHP (chat-social.md §9.4): character, hp, maxHp.
    private const string HpOf1 = "C9 00" + "01 00 00 00" + "7B 00 00 00" + "C8 01 00 00"; // 123 / 456
    private const string HpOf4 = "C9 00" + "04 00 00 00" + "2C 01 00 00" + "E8 03 00 00"; // 300 / 1000

    private readonly MapTestKit _kit = new();
    private readonly ChannelServer _server = TestSessions.Server(TestSessions.TenantA, channel: 1, port: 7576);
    private readonly ChannelServer _otherChannel = TestSessions.Server(TestSessions.TenantA, channel: 0, port: 7575);
    private readonly ChannelServer _otherTenant = TestSessions.Server(TestSessions.TenantB, channel: 1, port: 7576);
    private readonly FieldEntry _entry;

    public FieldPartyHpTests()
    {
        _kit.Responses[PartyOf1] = File.ReadAllText(SpecFiles.Path("rest", "examples", "parties.by-member.json"));
        _entry = new FieldEntry(_kit.Registry, [new FieldPartyHp(_kit.Registry, new PartyPeer(_kit.Http), NullLogger<FieldPartyHp>.Instance)], NullLogger<FieldEntry>.Instance);
    }

    private static MapStatusEvent<MapCharacterBody> Enter(uint characterId, Guid instance = default) => new()
    {
        TransactionId = Guid.NewGuid(),
        WorldId = 0,
        ChannelId = 1,
        MapId = Henesys,
        Instance = instance,
        Type = MapStatusTypes.CharacterEnter,
        Body = new MapCharacterBody { CharacterId = characterId },
    };

    private Session WithHp(ChannelServer server, int characterId, short hp, short maxHp, uint mapId = Henesys, Guid instance = default)
    {
        var session = _kit.InField(server, characterId, mapId, instance);
        session.Character = session.Character! with { Stats = session.Character.Stats with { Hp = hp, MaxHp = maxHp } };
        return session;
    }

    [Fact]
    public async Task The_entering_member_and_the_online_mate_in_the_field_exchange_their_hp_and_nobody_else_hears_it()
    {
        var entering = WithHp(_server, 1, 123, 456);
        var mate = WithHp(_server, 4, 300, 1000);
        var stranger = WithHp(_server, 2, 50, 50); // in the field, not in the party
        var foreign = WithHp(_otherTenant, 4, 300, 1000); // member 4's id in another tenant, same field

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(1), CancellationToken.None);

        Assert.Equal([Hex.Normal(HpOf4)], Drained(entering));
        Assert.Equal([Hex.Normal(HpOf1)], Drained(mate));
        Assert.Empty(Drained(stranger));
        Assert.Empty(Drained(foreign));
        Assert.Equal([PartyOf1], _kit.Requests);
    }

    public enum Where { OtherMap, OtherChannel, OtherInstance }

    [Theory]
    [InlineData(Where.OtherMap)]
    [InlineData(Where.OtherChannel)]
    [InlineData(Where.OtherInstance)]
    public async Task A_mate_outside_the_field_gets_nothing_and_is_not_shown(Where where)
    {
        var entering = WithHp(_server, 1, 123, 456);
        var mate = where switch
        {
            Where.OtherMap => WithHp(_server, 4, 300, 1000, mapId: 100010000),
            Where.OtherChannel => WithHp(_otherChannel, 4, 300, 1000),
            _ => WithHp(_server, 4, 300, 1000, instance: Guid.NewGuid()),
        };

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(1), CancellationToken.None);

        Assert.Empty(Drained(entering));
        Assert.Empty(Drained(mate));
    }

    [Fact]
    public async Task The_exchange_happens_inside_an_instance_too()
    {
        var instance = Guid.Parse("6a0c4c4e-8f37-4a51-9d5e-1f3c2b7d9e01");
        var entering = WithHp(_server, 1, 123, 456, instance: instance);
        var mate = WithHp(_server, 4, 300, 1000, instance: instance);
        var outside = WithHp(_server, 2, 50, 50);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(1, instance), CancellationToken.None);

        Assert.Equal([Hex.Normal(HpOf4)], Drained(entering));
        Assert.Equal([Hex.Normal(HpOf1)], Drained(mate));
        Assert.Empty(Drained(outside));
    }

    [Fact]
    public async Task An_offline_mate_per_PARTIES_is_left_out()
    {
        var party = JsonNode.Parse(_kit.Responses[PartyOf1])!;
        var friend = party["included"]!.AsArray().Single(m => (string?)m!["id"] == "4")!;
        friend["attributes"]!["online"] = false;
        _kit.Responses[PartyOf1] = party.ToJsonString();
        var entering = WithHp(_server, 1, 123, 456);
        var mate = WithHp(_server, 4, 300, 1000);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(1), CancellationToken.None);

        Assert.Empty(Drained(entering));
        Assert.Empty(Drained(mate));
    }

    [Theory]
    [InlineData("500")]
    [InlineData("garbage")]
    [InlineData("no party")]
    public async Task A_PARTIES_failure_or_no_party_sends_nothing(string answer)
    {
        switch (answer)
        {
            case "500": _kit.Failures[PartyOf1] = HttpStatusCode.InternalServerError; break;
            case "garbage": _kit.Responses[PartyOf1] = "<html>"; break;
            default: _kit.Responses[PartyOf1] = """{"data":[]}"""; break;
        }

        var entering = WithHp(_server, 1, 123, 456);
        var mate = WithHp(_server, 4, 300, 1000);

        await _entry.SendForEnterAsync(TestSessions.TenantA, Enter(1), CancellationToken.None);

        Assert.Empty(Drained(entering));
        Assert.Empty(Drained(mate));
    }
}
