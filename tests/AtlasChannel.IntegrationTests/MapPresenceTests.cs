using System.Buffers.Binary;

namespace AtlasChannel.IntegrationTests;

/// <summary>Field presence through the whole service: sandbox maps service events → CharacterSpawn / CharacterDespawn.</summary>
public sealed class MapPresenceTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    // Body = opcode (2 bytes) + payload; both packets start with the character id.
    private static Task<byte[]> WaitForCharacterPacketAsync(BotSession bot, string writer, int characterId)
    {
        var opcode = bot.OpcodeOf(writer);
        return Eventually.Until(
            () => bot.Received.FirstOrDefault(p => p.Opcode == opcode && p.Body.Length >= 6 && BinaryPrimitives.ReadInt32LittleEndian(p.Body.AsSpan(2)) == characterId).Body,
            what: $"{writer} of character {characterId}");
    }

    private static string ReadName(byte[] spawn) =>
        System.Text.Encoding.ASCII.GetString(spawn, 9, BinaryPrimitives.ReadInt16LittleEndian(spawn.AsSpan(7)));

    [Fact]
    public async Task Two_players_in_Henesys_see_each_other_arrive_and_leave()
    {
        await using var first = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await first.WaitForAsync("SetField");
        // The first player is alone: its own CHARACTER_ENTER spawns nobody for it.
        await Eventually.True(() => _harness.Sandbox.CharactersIn(new(0, 0, 100000000, Guid.Empty)).Contains(1u), what: "character 1 in the maps service");

        var second = await BotSession.LoginAsync(_harness.FirstPort, 2);
        try
        {
            await second.WaitForAsync("SetField");
            var spawnOfSecond = await WaitForCharacterPacketAsync(first, "CharacterSpawn", 2);
            var spawnOfFirst = await WaitForCharacterPacketAsync(second, "CharacterSpawn", 1);
            // id, level, name as in the sandbox fixtures.
            Assert.Equal(78, spawnOfSecond[6]);
            Assert.Equal(125, spawnOfFirst[6]);
            Assert.Equal("Bravo", ReadName(spawnOfSecond));
            Assert.Equal("Atlas", ReadName(spawnOfFirst));
            Assert.DoesNotContain(first.Received, p => p.Opcode == first.OpcodeOf("CharacterSpawn") && BinaryPrimitives.ReadInt32LittleEndian(p.Body.AsSpan(2)) == 1);
            Assert.DoesNotContain(second.Received, p => p.Opcode == second.OpcodeOf("CharacterSpawn") && BinaryPrimitives.ReadInt32LittleEndian(p.Body.AsSpan(2)) == 2);
        }
        finally
        {
            await second.DisposeAsync();
        }

        var despawn = await WaitForCharacterPacketAsync(first, "CharacterDespawn", 2);
        Assert.Equal(6, despawn.Length);
    }

    [Fact]
    public async Task Walking_through_east00_warps_to_the_next_map_and_despawns_for_those_left_behind()
    {
        await using var walker = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await walker.WaitForAsync("SetField");
        await using var stayer = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await stayer.WaitForAsync("SetField");
        await WaitForCharacterPacketAsync(walker, "CharacterSpawn", 2);

        // MapChangeHandle: fieldKey 0, target −1, "east00", x/y, unused, premium 0, chase 0.
        await walker.Client.SendAsync("MapChangeHandle", Convert.FromHexString("00FFFFFFFF0600656173743030B80B120100000000"));

        var setField = walker.OpcodeOf("SetField");
        // Warp form: opcode, int32 channel, notifier 0, hasCharacterData 0, int16 0, revive, int32 map, byte portal, int16 hp.
        var warp = await Eventually.Until(() => walker.Received.FirstOrDefault(p => p.Opcode == setField && p.Body.Length > 7 && p.Body[7] == 0).Body, what: "SetField warp");
        Assert.Equal(100000001, BinaryPrimitives.ReadInt32LittleEndian(warp.AsSpan(11)));
        Assert.Equal(1, warp[15]); // the target portal west00
        await WaitForCharacterPacketAsync(stayer, "CharacterDespawn", 1);
        await Eventually.True(() => _harness.Sandbox.CharactersIn(new(0, 0, 100000001, Guid.Empty)).Contains(1u), what: "character 1 in map 100000001");
    }
}
