using AtlasChannel.Features.CashShop;
using AtlasChannel.Features.CharacterInfo;
using AtlasChannel.Handlers;
using AtlasChannel.Packets;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.CashShop;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.CharacterInfo;

public class CharacterInfoTests
{
    // field.md §15.2, Atlas golden TestCharacterInfoV79Golden ("byte-identical for v83"), no chair int.
    private const string GoldenHex =
        "393000003264000A00000900546573744775696C6400000001404B4C0005004B697474790FC80050000000000000000107000000"
        + "D20400002A00000002104A0F00114A0F00050000000A000000030000000D000000E1502400F76C11000000";

    private readonly FakeRest _rest = new();
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void The_packet_matches_the_Atlas_golden_plus_the_chair_count()
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        Assert.True(server.Opcodes.TryGetWriter(CharacterInfoPackets.Writer, out var binding));
        var view = new CharacterInfoView
        {
            CharacterId = 12345,
            Level = 50,
            Job = 100,
            Fame = 10,
            GuildName = "TestGuild",
            Pets = [new CharacterInfoPet(5000000, "Kitty", 15, 200, 80)],
            Mount = new CharacterInfoMount(7, 1234, 42),
            Wishlist = [1002000, 1002001],
            MonsterBook = new MonsterBookInfo(5, 10, 3, 13, 2380001),
            MedalItemId = 1142007,
        };
        using var writer = new Protocol.Packets.PacketWriter();
        CharacterInfoPackets.Write(writer, new WriterContext(Fixtures.V83, binding), view);
        Assert.Equal(GoldenHex + "00000000", Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public async Task A_request_reads_character_guild_pets_and_wish_list_and_answers_the_requester_only()
    {
        ServeInspected();
        var requester = Enter(TestSessions.TenantA, 1000017);
        var inspected = Enter(TestSessions.TenantA, 1000023);
        var otherTenant = Enter(TestSessions.TenantB, 1000017);

        await Handle(requester, "10270000" + "57420F00" + "01");

        Assert.Equal(
            "3D00" + "57420F00" + "7D" + "D400" + "2500" + "00" + "050041746C6173" + "0000" + "00"
            + "01" + "514B4C00" + "05004B69747479" + "05" + "7800" + "64" + "0000" + "00000000" + "00"
            + "00" + "01" + "80473701"
            + string.Concat(Enumerable.Repeat("00000000", 5)) + "00000000" + "0000" + "00000000",
            Convert.ToHexString(Assert.Single(TestSessions.Drain(requester))));
        Assert.Empty(TestSessions.Drain(inspected));
        Assert.Empty(TestSessions.Drain(otherTenant));
    }

    [Fact]
    public async Task Without_pet_info_and_with_guild_and_wish_list_failing_it_degrades_to_empty()
    {
        _rest.Serve("characters/1000023", Fixtures.Sandbox("characters", "1.json"))
            .Fail("guilds?filter[members.id]=1000023")
            .Fail("characters/1000023/cash-shop/wishlist");
        var requester = Enter(TestSessions.TenantA, 1000017);

        await Handle(requester, "10270000" + "57420F00" + "00");

        Assert.Equal(
            "3D00" + "57420F00" + "7D" + "D400" + "2500" + "00" + "0000" + "0000" + "00" + "00" + "00" + "00"
            + string.Concat(Enumerable.Repeat("00000000", 5)) + "00000000" + "0000" + "00000000",
            Convert.ToHexString(Assert.Single(TestSessions.Drain(requester))));
        Assert.False(_rest.Requested("characters/1000023/pets"));
    }

    [Fact]
    public async Task An_unknown_character_gets_no_reply()
    {
        var requester = Enter(TestSessions.TenantA, 1000017);
        await Handle(requester, "10270000" + "57420F00" + "01");
        Assert.Empty(TestSessions.Drain(requester));
        Assert.False(requester.IsClosed);
    }

    private void ServeInspected() =>
        _rest.Serve("characters/1000023", Fixtures.Sandbox("characters", "1.json"))
            .Serve("guilds?filter[members.id]=1000023", Fixtures.RestExample("guilds.by-member.json"))
            .Serve("characters/1000023/pets", Fixtures.Sandbox("characters", "1", "pets.json"))
            .Serve("characters/1000023/cash-shop/wishlist", Fixtures.RestExample("cashshop.wishlist.json"));

    private Session Enter(AtlasChannel.Messaging.Tenant tenant, int characterId) =>
        InField.Enter(_registry, TestSessions.Server(tenant), characterId, characterId);

    private async Task Handle(Session session, string hex)
    {
        Assert.True(session.Server.Opcodes.TryGetHandler(0x61, out var binding));
        var http = _rest.Http();
        var handler = new CharacterInfoHandler(http, new CharacterPeer(http), new CashShopPeer(http), NullLogger<CharacterInfoHandler>.Instance);
        await handler.HandleAsync(new PacketContext(session, Convert.FromHexString(hex), binding), CancellationToken.None);
    }
}
