using System.Buffers.Binary;
using AtlasChannel.Features.CashShop;
using AtlasChannel.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.IntegrationTests;

/// <summary>Cash-shop entry and exit over real sockets against the embedded sandbox (session-lifecycle.md §9).</summary>
public sealed class CashShopTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Entry_opens_the_shop_in_place_and_exit_migrates_back_to_this_channel()
    {
        await using var bot = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await bot.WaitForAsync("CharacterKeyMapAutoMp");
        var before = bot.Received.Count;

        await bot.Client.SendAsync("CashShopEntryHandle", new byte[] { 0x10, 0x27, 0, 0 });
        var wallet = await bot.WaitForAsync("CashShopCashQueryResult");

        ushort[] shopWriters = [bot.OpcodeOf("CashShopOpen"), bot.OpcodeOf("CashShopOperation"), bot.OpcodeOf("CashShopCashQueryResult")];
        var shop = bot.Received.Skip(before).Select(p => p.Opcode).Where(shopWriters.Contains).ToArray();
        Assert.Equal(new[] { bot.OpcodeOf("CashShopOpen"), bot.OpcodeOf("CashShopOperation"), bot.OpcodeOf("CashShopOperation"), bot.OpcodeOf("CashShopCashQueryResult") }, shop);
        var operations = bot.Received.Skip(before).Where(p => p.Opcode == bot.OpcodeOf("CashShopOperation")).Select(p => p.Body).ToArray();
        Assert.Equal(Convert.FromHexString("4501" + "4B" + "0000" + "0400" + "0400"), operations[0]); // sandbox: empty locker, no STORAGE → 4
        Assert.Equal(Convert.FromHexString("4501" + "4F" + new string('0', 80)), operations[1]);
        Assert.Equal(Convert.FromHexString("4401" + new string('0', 24)), wallet); // bodies carry the opcode

        var session = _harness.Application.Services.GetRequiredService<SessionRegistry>().All.Single(s => s.CharacterId == 1);
        Assert.True(_harness.Application.Services.GetRequiredService<CashShopPresence>().IsInShop(session));
        Assert.True(await _harness.Application.Services.GetRequiredService<CashShopExit>().LeaveAsync(session, CancellationToken.None));

        var migrate = await bot.WaitForAsync("ChannelChange");
        Assert.Equal(1, migrate[2]);
        Assert.Equal(new byte[] { 127, 0, 0, 1 }, migrate[3..7]);
        Assert.Equal(_harness.FirstPort, BinaryPrimitives.ReadUInt16LittleEndian(migrate.AsSpan(7)));
    }
}

/// <summary>The sandbox fame service answers the channel's REQUEST_CHANGE (kept here: the fame feature has no integration file of its own).</summary>
public sealed class SandboxFameTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Fame_up_reaches_giver_and_receiver_and_a_second_one_the_same_day_is_NOT_TODAY()
    {
        await using var giver = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await using var receiver = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await giver.WaitForAsync("CharacterKeyMapAutoMp");
        await receiver.WaitForAsync("CharacterKeyMapAutoMp");

        await giver.Client.SendAsync("FameChangeHandle", new byte[] { 2, 0, 0, 0, 1 });
        var give = await giver.WaitForAsync("FameResponse");
        var receive = await receiver.WaitForAsync("FameResponse");
        Assert.Equal(0, give[2]);
        Assert.Equal(5, receive[2]);
        Assert.Equal(1, receive[^1]);

        var count = giver.Received.Count;
        await giver.Client.SendAsync("FameChangeHandle", new byte[] { 2, 0, 0, 0, 1 });
        var error = await Eventually.Until(() => giver.Received.Skip(count).FirstOrDefault(p => p.Opcode == giver.OpcodeOf("FameResponse")).Body, null, "NOT_TODAY");
        Assert.Equal(new byte[] { 0x26, 0, 3 }, error);
    }
}
