using System.Buffers.Binary;
using System.Text;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.IntegrationTests;

/// <summary>
/// The players-see-each-other acceptance scenario on the embedded default, end to end over real sockets: spawn,
/// movement, chat, and the despawn when one leaves.
/// </summary>
public sealed class TwoPlayersTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Two_bots_see_each_others_spawn_movement_chat_and_despawn()
    {
        await using var atlas = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await atlas.WaitForAsync("SetField");
        var bravo = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await bravo.WaitForAsync("SetField");

        // Spawn, both ways: CharacterSpawn starts with the spawned character's id.
        await Eventually.True(() => Bodies(atlas, "CharacterSpawn").Any(b => CharacterId(b) == 2), what: "Atlas sees Bravo spawn");
        await Eventually.True(() => Bodies(bravo, "CharacterSpawn").Any(b => CharacterId(b) == 1), what: "Bravo sees Atlas spawn");

        // Movement: Bravo walks, Atlas receives the relayed path with Bravo's sequence number.
        var walker = new MovementWalker(new Position(0, 0));
        await bravo.Client.SendAsync("CharacterMoveHandle", walker.Step(bravo.Client.Version, sequence: 77, elapseMs: 200));
        await Eventually.True(() => Bodies(atlas, "CharacterMovement").Any(b =>
            MovementPayloads.TryReadRelay(atlas.Client.Version, b, out var mover, out var sequence) && mover == 2 && sequence == 77), what: "Atlas sees Bravo move");

        // Chat: Bravo says hello, Atlas gets the general chat line.
        await bravo.Client.SendAsync("CharacterChatGeneralHandle", MovementPayloads.ChatGeneral(bravo.Client.Version, "hello"));
        await Eventually.True(() => Bodies(atlas, "CharacterChatGeneral").Any(b =>
            CharacterId(b) == 2 && Encoding.ASCII.GetString(b).Contains("hello", StringComparison.Ordinal)), what: "Atlas hears Bravo");

        // Bravo leaves: Atlas sees the despawn.
        await bravo.DisposeAsync();
        await Eventually.True(() => Bodies(atlas, "CharacterDespawn").Any(b => CharacterId(b) == 2), what: "Atlas sees Bravo despawn");
        Assert.False(atlas.Closed.IsCompleted);
    }

    private static IEnumerable<byte[]> Bodies(BotSession bot, string writer)
    {
        var opcode = bot.OpcodeOf(writer);
        return bot.Received.Where(p => p.Opcode == opcode).Select(p => p.Body);
    }

    private static int CharacterId(byte[] body) => body.Length >= 6 ? BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(2)) : -1;
}
