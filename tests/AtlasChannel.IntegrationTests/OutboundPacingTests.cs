using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.IntegrationTests;

/// <summary>
/// Outbound pacing over real sockets with a deliberately long interval: a burst to a busy session is coalesced, not
/// lost or reordered, and the session's first packets after a quiet spell are not held back.
/// </summary>
public sealed class OutboundPacingTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync("--OUTBOUND_FLUSH_INTERVAL_MS=250");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_burst_of_relays_arrives_complete_and_in_order()
    {
        await using var watcher = await BotSession.LoginAsync(_harness.FirstPort, 1);
        await watcher.WaitForAsync("SetField");
        await using var mover = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await mover.WaitForAsync("SetField");
        await Eventually.True(() => watcher.Received.Any(p => p.Opcode == watcher.OpcodeOf("CharacterSpawn")), what: "the watcher sees the mover spawn");

        var walker = new MovementWalker(new Position(0, 0));
        ushort[] sent = [101, 102, 103, 104, 105, 106, 107, 108];
        foreach (var sequence in sent)
            await mover.Client.SendAsync("CharacterMoveHandle", walker.Step(mover.Client.Version, sequence, elapseMs: 50));

        await Eventually.True(() => Sequences(watcher).Count == sent.Length, what: "all eight relays arrive");
        Assert.Equal(sent, Sequences(watcher));
        Assert.False(watcher.Closed.IsCompleted);
    }

    private static List<ushort> Sequences(BotSession bot)
    {
        var opcode = bot.OpcodeOf("CharacterMovement");
        var sequences = new List<ushort>();
        foreach (var packet in bot.Received.Where(p => p.Opcode == opcode))
        {
            if (MovementPayloads.TryReadRelay(bot.Client.Version, packet.Body, out var moverId, out var sequence) && moverId == 2)
                sequences.Add(sequence);
        }

        return sequences;
    }
}
