using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.IntegrationTests;

/// <summary>
/// Map entry through the whole service (embedded default): what already stands in Henesys (the sandbox's field
/// fixtures) and what the characters already there are doing (chairs, chalkboards) reach the one entering.
/// </summary>
public sealed class FieldEntryTests : IAsyncLifetime
{
    private static readonly FieldKey Henesys = new(0, 0, 100000000, Guid.Empty);

    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static string Normal(string spaced) => spaced.Replace(" ", "", StringComparison.Ordinal);

    private static async Task<List<string>> WaitForAllAsync(BotSession bot, string writer, int count)
    {
        var opcode = bot.OpcodeOf(writer);
        return await Eventually.Until(
            () => bot.Received.Where(p => p.Opcode == opcode).Select(p => Convert.ToHexString(p.Body)).ToList() is { } found && found.Count >= count ? found : null,
            what: $"{count} × {writer}");
    }

    [Fact]
    public async Task Entering_Henesys_shows_the_fixture_monsters_reactor_drop_and_the_transport_state()
    {
        await using var bot = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await bot.WaitForAsync("SetField");

        // SpawnMonster (§1): id, 5 = nobody controls it, template, empty MobStat, x, y 334, stance, fh 0, home fh 1, NORMAL, team −1, 0.
        const string mobStat = "00000000000000000000000000000000";
        string[] monsters =
        [
            "EC00" + "01CA9A3B" + "05" + "04870100" + mobStat + "D4F9" + "4E01" + "05" + "0000" + "0100" + "FF" + "FF" + "00000000",
            "EC00" + "02CA9A3B" + "05" + "05870100" + mobStat + "F2F9" + "4E01" + "04" + "0000" + "0100" + "FF" + "FF" + "00000000",
            "EC00" + "03CA9A3B" + "05" + "24D50100" + mobStat + "10FA" + "4E01" + "05" + "0000" + "0100" + "FF" + "FF" + "00000000",
        ];
        Assert.Equal(monsters, (await WaitForAllAsync(bot, "SpawnMonster", 3)).Order(StringComparer.Ordinal));

        var reactor = await bot.WaitForAsync("ReactorSpawn");
        Assert.Equal(Normal("1701" + "01943577" + "104A0F00" + "00" + "0606 4E01" + "00" + "0400 6D426F78"), Convert.ToHexString(reactor));

        // DropSpawn existing (§8): 1000000101, item 4000000, no owner, free for all, (−1560, 334), dropped by monster 2.
        var drop = await bot.WaitForAsync("DropSpawn");
        Assert.Equal(Normal("0C01" + "02" + "65CA9A3B" + "00" + "00093D00" + "00000000" + "02" + "E8F9 4E01" + "02CA9A3B" + "FFFFFFFFFFFFFFFF" + "01"), Convert.ToHexString(drop));

        // No boat docks in Henesys: MOVE1. The fixture map has no clock.
        Assert.Equal("9500" + "0200", Convert.ToHexString(await bot.WaitForAsync("FieldTransportState")));
        Assert.False(bot.HasReceived("Clock"));
    }

    [Fact]
    public async Task A_character_logging_in_later_sees_the_chair_and_the_chalkboard_of_the_one_already_there()
    {
        await using var atlas = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await atlas.WaitForAsync("SetField");
        await Eventually.True(() => _harness.Sandbox.CharactersIn(Henesys).Contains(1u), what: "character 1 in Henesys");

        await atlas.Client.SendAsync("CharacterChairPortableHandle", Convert.FromHexString("D0ED2D00")); // chair 3010000
        await Eventually.True(() => _harness.Sandbox.SeatsIn(Henesys).Any(s => s.CharacterId == 1), what: "character 1 seated");

        // Opening a chalkboard is a cash-item use (not implemented yet); its outcome is this command, as that handler would publish it.
        var publisher = _harness.Application.Services.GetRequiredService<ICommandPublisher>();
        var set = new ChalkboardCommand<ChalkboardSetBody>
        {
            WorldId = 0, ChannelId = 0, MapId = 100000000, CharacterId = 1, Type = ChalkboardTypes.Set,
            Body = new ChalkboardSetBody { Message = "hi" },
        };
        Assert.True(await publisher.PublishAsync(Topics.CommandChalkboard, MessageKeys.Create(1), set, _harness.Sandbox.Tenant));
        Assert.Equal("A400" + "01000000" + "01" + "0200" + "6869", Convert.ToHexString(await atlas.WaitForAsync("ChalkboardUse")));

        await using var bravo = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await bravo.WaitForAsync("SetField");
        Assert.Equal("C400" + "01000000" + "D0ED2D00", Convert.ToHexString(await bravo.WaitForAsync("CharacterShowChair")));
        Assert.Equal("A400" + "01000000" + "01" + "0200" + "6869", Convert.ToHexString(await bravo.WaitForAsync("ChalkboardUse")));
        // The sitter is not shown its own chair when others arrive.
        Assert.False(atlas.HasReceived("CharacterShowChair"));
    }

    [Fact]
    public async Task Atlas_pet_is_shown_to_its_owner_with_its_exclusions_and_to_a_character_arriving_later()
    {
        // PetActivated spawn (pet.md §1) of the fixture pet 7: owner 1, index 0, spawn, effect, 5000017 "Kitty",
        // SN 100000000123, (1850, 334), stance 0, fh 0, no name tag, no balloon.
        var kitty = Normal("A800" + "01000000" + "00" + "01" + "01" + "514B4C00" + "0500 4B69747479" + "7BE8764817000000" + "3A07 4E01" + "00" + "0000" + "00" + "00");
        await using var atlas = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await atlas.WaitForAsync("SetField");
        Assert.Equal(kitty, Convert.ToHexString(await atlas.WaitForAsync("PetActivated")));
        // PetExcludeResponse (§5.4): owner 1, index 0, SN, one item: 4000000.
        Assert.Equal(Normal("AD00" + "01000000" + "00" + "7BE8764817000000" + "01" + "00093D00"), Convert.ToHexString(await atlas.WaitForAsync("PetExcludeResponse")));
        await Eventually.True(() => _harness.Sandbox.CharactersIn(Henesys).Contains(1u), what: "character 1 in Henesys");

        await using var bravo = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await bravo.WaitForAsync("SetField");
        Assert.Equal(kitty, Convert.ToHexString(await bravo.WaitForAsync("PetActivated")));
        Assert.False(bravo.HasReceived("PetExcludeResponse"));
    }
}
