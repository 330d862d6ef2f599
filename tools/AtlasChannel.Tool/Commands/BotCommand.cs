using System.Net.Sockets;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Tool.Bot;
using AtlasChannel.Tool.Cli;
using AtlasChannel.Tool.Decode;

namespace AtlasChannel.Tool.Commands;

/// <summary><c>bot</c>: one headless client that prints every packet as a JSON line.</summary>
internal sealed class BotCommand : IToolCommand
{
    public const int ExitCouldNotConnect = 3;
    public const int ExitClosedByServer = 4;
    public const int ExitExpectedPacketMissing = 5;

    public string Name => "bot";

    public string Usage => """
          bot [--host 127.0.0.1] [--port 7575] [--character ID] [--send NAME[:hex]]... [--stay SECONDS] [--template FILE]
              Connects, reads the Hello, sets up both ciphers and prints one JSON line per event:
              connected / received (opcode, writer name(s), body length) / sent (handler name) / closed (by server|client).
              --character ID   log in to the channel as character ID (CharacterLoggedInHandle)
              --send NAME:HEX  send a packet to handler NAME with HEX payload (after the opcode); repeatable, in order
              --stay SECONDS   stay connected this long after the sends (default 2), then close
              --expect NAME    close as soon as a packet of writer NAME arrives (--stay is then the deadline)
              Exit 0 after a clean stay (or the expected packet); 3 if it could not connect; 4 if the server closed
              the connection; 5 if --expect's packet did not arrive in time.
        """;

    public async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args.Span);
        var host = parsed.Optional("host") ?? "127.0.0.1";
        var port = parsed.Int("port", 7575);
        var stay = TimeSpan.FromSeconds(parsed.Double("stay", 2));
        var templateFile = parsed.Optional("template");
        var characterText = parsed.Optional("character");
        int? character = characterText is null ? null
            : int.TryParse(characterText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id
            : throw new UsageException("--character must be a number");
        var sends = parsed.All("send").Select(ParseSend).ToList();
        var expect = parsed.Optional("expect");
        var expected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        parsed.RejectUnknown();

        var events = new BotEvents(stdout);
        var table = templateFile is null ? null : OpcodeTable.Parse(await File.ReadAllTextAsync(templateFile, cancellationToken));
        BotClient client;
        try
        {
            client = await BotClient.ConnectAsync(host, port, table, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or InvalidDataException or IOException)
        {
            events.Error($"could not connect to {host}:{port}: {ex.Message}");
            return ExitCouldNotConnect;
        }

        await using (client)
        {
            events.Connected(client.Version.ToString());
            var receiving = client.ReceiveAsync((opcode, body) =>
            {
                var name = PacketNames.ServerPacket(client.Table, opcode);
                events.Received(opcode, name, body.Length);
                if (expect is not null && client.Table.WriterNamesOf(opcode).Contains(expect))
                    expected.TrySetResult();
                return ValueTask.CompletedTask;
            }, cancellationToken);

            try
            {
                if (character is { } characterId)
                    await SendAsync(client, events, "CharacterLoggedInHandle", BotPackets.CharacterLoggedIn(client.Version, characterId), cancellationToken);
                foreach (var (name, payload) in sends)
                    await SendAsync(client, events, name, payload, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                events.Error(ex.Message);
                client.Close();
                await receiving;
                events.Closed("client", ex.Message);
                return 2;
            }
            catch (IOException)
            {
                // The server dropped us mid-send; the receive loop reports it.
            }

            var deadline = Task.Delay(stay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            var finished = expect is null
                ? await Task.WhenAny(receiving, deadline)
                : await Task.WhenAny(receiving, deadline, expected.Task);
            if (finished == receiving && !expected.Task.IsCompleted)
            {
                var result = await receiving;
                events.Closed("server", result.Reason);
                return ExitClosedByServer;
            }

            client.Close();
            await receiving;
            events.Closed("client", expect is not null && !expected.Task.IsCompleted ? $"no {expect} within {stay.TotalSeconds} s" : null);
            return expect is not null && !expected.Task.IsCompleted ? ExitExpectedPacketMissing : 0;
        }
    }

    private static async Task SendAsync(BotClient client, BotEvents events, string name, byte[] payload, CancellationToken cancellationToken)
    {
        await client.SendAsync(name, payload, cancellationToken);
        events.Sent(name, payload.Length + client.Version.OpcodeWidth);
    }

    private static (string Name, byte[] Payload) ParseSend(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        try
        {
            return (name, colon < 0 ? [] : HexText.Parse(text[(colon + 1)..]));
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--send {text}: {ex.Message}");
        }
    }
}
