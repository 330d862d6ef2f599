using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;
using AtlasChannel.Tool.Bot;
using AtlasChannel.Tool.Load;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.IntegrationTests;

/// <summary>Movement over real sockets against the embedded default: the tool's bots walk, the others see it.</summary>
public sealed class MovementTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task One_bot_moves_and_the_other_in_the_field_receives_CharacterMovement_with_the_path_it_sent()
    {
        var commands = new ConcurrentQueue<MovementCommand>();
        using var subscription = _harness.Application.Services.GetRequiredService<IMessageSubscriber>()
            .Subscribe<MovementCommand>(Topics.CommandCharacterMovement, (m, _) =>
            {
                commands.Enqueue(m.Message);
                return ValueTask.CompletedTask;
            });
        await using var mover = await BotSession.LoginAsync(_harness.FirstPort, 1000);
        await using var watcher = await BotSession.LoginAsync(_harness.FirstPort, 1001);
        await mover.WaitForAsync("SetField");
        await watcher.WaitForAsync("SetField");
        var registry = _harness.Application.Services.GetRequiredService<ISessionRegistry>();
        await Eventually.True(() => registry.All.Count(s => s.Phase == SessionPhase.InField) >= 2, what: "both in field");

        var payload = MovementPayloads.Walk(mover.Client.Version, new(0, 0), new(25, 0), 125, 4242, 0, 200);
        await mover.Client.SendAsync("CharacterMoveHandle", payload);

        var relayed = await watcher.WaitForAsync("CharacterMovement");
        // opcode (u16) + int32 characterId + the client's path without fieldKey/crc (5 bytes) and trailer (9 bytes).
        Assert.Equal(1000, BinaryPrimitives.ReadInt32LittleEndian(relayed.AsSpan(2)));
        Assert.Equal(Convert.ToHexString(payload.AsSpan(5, payload.Length - 5 - 9)), Convert.ToHexString(relayed.AsSpan(6)));
        Assert.True(MovementPayloads.TryReadRelay(watcher.Client.Version, relayed, out var moverId, out var sequence));
        Assert.Equal((1000, (ushort)4242), (moverId, sequence));

        var command = await Eventually.Until(() => commands.FirstOrDefault(c => c.ObjectId == 1000), what: "movement command");
        Assert.Equal(new MovementCommand { WorldId = 0, ChannelId = 0, MapId = 100000000, ObjectId = 1000, ObserverId = 1000, X = 25, Y = 0, Stance = MovementPayloads.WalkRight }, command);
        var session = registry.All.Single(s => s.CharacterId == 1000);
        Assert.Equal(new Protocol.Packets.Position(25, 0), session.Position);
        Assert.False(mover.HasReceived("CharacterMovement"));
    }

    [Theory]
    [InlineData("async")]
    [InlineData("epoll")]
    public async Task The_load_tool_measures_fanout_between_bots_in_two_channels(string transportName)
    {
        var transport = transportName == "epoll" ? LoadTransport.Epoll : LoadTransport.Async;
        if (transport == LoadTransport.Epoll && !Tool.Load.Epoll.EpollSet.IsSupported)
            return; // the epoll transport only exists on Linux

        using var errors = new StringWriter();
        var options = new LoadOptions(4, 2, 10, 1, TimeSpan.FromSeconds(3), "127.0.0.1", _harness.FirstPort, 2, 2000,
            new Protocol.Packets.Position(0, 0), 4, TimeSpan.FromSeconds(15), null, Warmup: TimeSpan.FromSeconds(1), Transport: transport);
        using var run = new LoadRun(options, errors);
        var report = await run.RunAsync(CancellationToken.None);

        using var doc = JsonDocument.Parse(report);
        var root = doc.RootElement;
        Assert.Equal(transportName, root.GetProperty("transport").GetString());
        Assert.Equal(4, root.GetProperty("loggedIn").GetInt32());
        Assert.Equal(2, root.GetProperty("fields").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("disconnects").GetInt32());
        Assert.Equal(0, root.GetProperty("relaysCrossGroup").GetInt32());
        Assert.Equal(0, root.GetProperty("relaysUnmatched").GetInt32());
        // Each move reaches the one other bot of its channel; relays still in flight at the end may be missing.
        var expected = root.GetProperty("relaysExpected").GetInt64();
        var received = root.GetProperty("relaysReceived").GetInt64();
        Assert.True(root.GetProperty("movesSent").GetInt64() >= 4);
        Assert.True(root.GetProperty("chatsSent").GetInt64() >= 4); // 1 line/s per bot for 3 s
        Assert.InRange(received, 1, expected);
        Assert.True(root.GetProperty("fanoutLatencyMs").GetProperty("max").GetDouble() > 0);
        var steady = root.GetProperty("fanoutLatencyAfterWarmupMs");
        Assert.Equal(1, steady.GetProperty("warmupSeconds").GetDouble());
        Assert.InRange(steady.GetProperty("samples").GetInt64(), 1, received - 1);
        Assert.True(steady.GetProperty("p99").GetDouble() > 0);
        Assert.NotEqual(0, root.GetProperty("p99PerSecondMs").GetArrayLength());
        if (transport == LoadTransport.Epoll && Tool.Load.Epoll.TimestampedReceive.IsSupported)
        {
            var arrivals = root.GetProperty("arrivalP99PerSecondMs");
            Assert.NotEqual(0, arrivals.GetArrayLength());
            Assert.All(arrivals.EnumerateArray(), p99 => Assert.True(p99.GetDouble() > 0));
        }
        else
            Assert.False(root.TryGetProperty("arrivalP99PerSecondMs", out _), "arrivals are stamped only by the epoll transport");
    }
}
