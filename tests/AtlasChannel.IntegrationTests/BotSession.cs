using System.Collections.Concurrent;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.IntegrationTests;

/// <summary>The tool's headless client with every received packet recorded.</summary>
internal sealed class BotSession : IAsyncDisposable
{
    private readonly Task<FrameLoopResult> _receiving;

    private BotSession(BotClient client)
    {
        Client = client;
        _receiving = client.ReceiveAsync((opcode, body) =>
        {
            Received.Enqueue((opcode, body.ToArray()));
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
    }

    public BotClient Client { get; }

    public ConcurrentQueue<(ushort Opcode, byte[] Body)> Received { get; } = new();

    /// <summary>Completes when the server closes the connection (or the bot does).</summary>
    public Task<FrameLoopResult> Closed => _receiving;

    public static async Task<BotSession> ConnectAsync(int port) =>
        new(await BotClient.ConnectAsync("127.0.0.1", port, null, CancellationToken.None));

    public static async Task<BotSession> LoginAsync(int port, int characterId)
    {
        var bot = await ConnectAsync(port);
        await bot.Client.SendAsync("CharacterLoggedInHandle", BotPackets.CharacterLoggedIn(bot.Client.Version, characterId));
        return bot;
    }

    public ushort OpcodeOf(string writer) =>
        Client.Table.TryGetWriter(writer, out var binding) ? binding.Opcode : throw new InvalidOperationException($"no writer {writer}");

    public async Task<byte[]> WaitForAsync(string writer, TimeSpan? timeout = null)
    {
        var opcode = OpcodeOf(writer);
        var found = await Eventually.Until(() => Received.FirstOrDefault(p => p.Opcode == opcode).Body, timeout, writer);
        return found;
    }

    public bool HasReceived(string writer) => Received.Any(p => p.Opcode == OpcodeOf(writer));

    public async ValueTask DisposeAsync()
    {
        Client.Close();
        await _receiving;
        await Client.DisposeAsync();
    }
}
