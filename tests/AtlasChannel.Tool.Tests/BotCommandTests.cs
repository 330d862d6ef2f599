using System.Text.Json;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tool.Commands;

namespace AtlasChannel.Tool.Tests;

public class BotCommandTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);

    [Fact]
    public async Task Bot_logs_in_sends_by_name_and_reports_received_packets_then_closes_cleanly()
    {
        var table = BundledTemplates.Load(V83);
        var setField = table.TryGetWriter("SetField", out var writer) ? writer.Opcode : throw new InvalidOperationException();
        var keyMap = table.TryGetWriter("CharacterKeyMap", out var keyMapWriter) ? keyMapWriter.Opcode : throw new InvalidOperationException();
        await using var server = new LoopbackServer(V83, (opcode, body) =>
        {
            // The login is answered with SetField, the chat line with CharacterKeyMap (any other writer would do).
            using var w = new PacketWriter();
            return w.WriteOpcode(opcode == 0x14 ? setField : keyMap, 2).WriteBytes(body.AsSpan(2)).ToArray();
        });

        var (exit, lines) = await RunBot("--port", server.Port.ToString(), "--character", "1", "--send", "CharacterChatGeneralHandle:0300414243", "--expect", "CharacterKeyMap", "--stay", "60");

        Assert.Equal(0, exit);
        Assert.Equal("connected", lines[0].GetProperty("event").GetString());
        Assert.Equal("GMS 83.1", lines[0].GetProperty("version").GetString());
        var sent = lines.Where(l => l.GetProperty("event").GetString() == "sent").Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.Equal(["CharacterLoggedInHandle", "CharacterChatGeneralHandle"], sent);
        var received = lines.Where(l => l.GetProperty("event").GetString() == "received").ToList();
        Assert.Equal(2, received.Count);
        Assert.Equal("SetField", received[0].GetProperty("name").GetString());
        Assert.Equal("0x7D", received[0].GetProperty("opcode").GetString());
        Assert.Equal("CharacterKeyMap", received[1].GetProperty("name").GetString());
        Assert.Equal(2 + 30, received[0].GetProperty("length").GetInt32()); // the 30-byte login payload echoed back
        Assert.Equal("closed", lines[^1].GetProperty("event").GetString());
        Assert.Equal("client", lines[^1].GetProperty("by").GetString());
        Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First.GetProperty("ms").GetInt64() <= p.Second.GetProperty("ms").GetInt64()));

        // What the server decoded is exactly what a real client would have sent.
        Assert.Equal(0x14, server.Received[0].Opcode);
        var login = new PacketReader(server.Received[0].Body);
        login.ReadUInt16();
        Assert.Equal(1, login.ReadInt32());
        Assert.Equal(30, login.Remaining + 4);
        Assert.Equal(table.OpcodesOf("CharacterChatGeneralHandle")[0], server.Received[1].Opcode);
        Assert.Equal(Convert.FromHexString("0300414243"), server.Received[1].Body[2..]);
    }

    [Fact]
    public async Task Bot_reports_server_close_and_exits_non_zero()
    {
        await using var server = new LoopbackServer(V83, (_, _) => null, closeAfterPackets: 1);
        var (exit, lines) = await RunBot("--port", server.Port.ToString(), "--character", "3", "--stay", "30");
        Assert.Equal(BotCommand.ExitClosedByServer, exit);
        Assert.Equal("closed", lines[^1].GetProperty("event").GetString());
        Assert.Equal("server", lines[^1].GetProperty("by").GetString());
        Assert.DoesNotContain(lines, l => l.GetProperty("event").GetString() == "received");
    }

    [Fact]
    public async Task Bot_speaks_jms_from_the_hello_locale()
    {
        var jms = new ClientVersion("JMS", 185, 1);
        await using var server = new LoopbackServer(jms, (_, body) => body, closeAfterPackets: 1);
        var (exit, lines) = await RunBot("--port", server.Port.ToString(), "--character", "7", "--stay", "60");
        Assert.Equal(BotCommand.ExitClosedByServer, exit);
        Assert.Equal("JMS 185.1", lines[0].GetProperty("version").GetString());
        Assert.Single(server.Received);
        Assert.Equal(2 + 31, server.Received[0].Body.Length);
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "received");
    }

    [Fact]
    public async Task Bot_reports_a_missing_expected_packet()
    {
        await using var server = new LoopbackServer(V83, (_, _) => null);
        var (exit, lines) = await RunBot("--port", server.Port.ToString(), "--character", "1", "--expect", "SetField", "--stay", "0.3");
        Assert.Equal(BotCommand.ExitExpectedPacketMissing, exit);
        Assert.Equal("client", lines[^1].GetProperty("by").GetString());
    }

    [Fact]
    public async Task Bot_that_cannot_connect_exits_with_its_code()
    {
        var port = FreePort();
        var (exit, lines) = await RunBot("--port", port.ToString(), "--stay", "0");
        Assert.Equal(BotCommand.ExitCouldNotConnect, exit);
        Assert.Equal("error", lines.Single().GetProperty("event").GetString());
    }

    [Fact]
    public async Task Unknown_handler_name_is_reported_not_sent()
    {
        await using var server = new LoopbackServer(V83, (_, _) => null);
        var (exit, lines) = await RunBot("--port", server.Port.ToString(), "--send", "NoSuchHandle", "--stay", "0");
        Assert.NotEqual(0, exit);
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "error" && l.GetProperty("message").GetString()!.Contains("NoSuchHandle", StringComparison.Ordinal));
        Assert.Empty(server.Received);
    }

    private static async Task<(int Exit, List<JsonElement> Lines)> RunBot(params string[] args)
    {
        using var stdout = new StringWriter();
        var exit = await new BotCommand().RunAsync(args, TextReader.Null, stdout, TextWriter.Null, CancellationToken.None);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (exit, lines);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
