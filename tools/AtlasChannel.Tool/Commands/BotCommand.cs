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
              [--move [--move-rate 5] [--x 0 --y 0]] [--say TEXT]...
              Connects, reads the Hello, sets up both ciphers and prints one JSON line per event:
              connected / received (opcode, writer name(s), body length) / sent (handler name) / closed (by server|client).
              --character ID   log in to the channel as character ID (CharacterLoggedInHandle)
              --send NAME:HEX  send a packet to handler NAME with HEX payload (after the opcode); repeatable, in order
              --stay SECONDS   stay connected this long after the sends (default 2), then close
              --move           after SetField, walk back and forth around (--x, --y) for the stay, sending
                               CharacterMoveHandle (one NORMAL fragment) --move-rate times a second
              --say TEXT       after SetField, send CharacterChatGeneralHandle with TEXT; repeatable
              --expect NAME    close as soon as a packet of writer NAME arrives (--stay is then the deadline)
              Exit 0 after a clean stay (or the expected packet); 3 if it could not connect; 4 if the server closed
              the connection; 5 if --expect's packet did not arrive in time.
        """;

    public async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args.Span, "move");
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
        var move = parsed.Flag("move");
        var moveRate = parsed.Double("move-rate", 5);
        var start = new Protocol.Packets.Position((short)parsed.Int("x", 0), (short)parsed.Int("y", 0));
        var says = parsed.All("say");
        if ((move || says.Count > 0) && character is null)
            throw new UsageException("--move and --say need --character");
        if (moveRate <= 0 || moveRate > 100)
            throw new UsageException("--move-rate must be in (0, 100]");
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
            var inField = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var setField = client.Table.TryGetWriter("SetField", out var setFieldBinding) ? setFieldBinding.Opcode : (ushort)0xFFFF;
            var receiving = client.ReceiveAsync((opcode, body) =>
            {
                var name = PacketNames.ServerPacket(client.Table, opcode);
                events.Received(opcode, name, body.Length);
                if (expect is not null && client.Table.WriterNamesOf(opcode).Contains(expect))
                    expected.TrySetResult();
                if (opcode == setField)
                    inField.TrySetResult();
                return ValueTask.CompletedTask;
            }, cancellationToken);

            try
            {
                if (character is { } characterId)
                    await SendAsync(client, events, "CharacterLoggedInHandle", BotPackets.CharacterLoggedIn(client.Version, characterId), cancellationToken);
                foreach (var (name, payload) in sends)
                    await SendAsync(client, events, name, payload, cancellationToken);
                if (move || says.Count > 0)
                {
                    if (await Task.WhenAny(inField.Task, receiving, Task.Delay(TimeSpan.FromSeconds(15), cancellationToken)) != inField.Task)
                        events.Error("no SetField: not moving or chatting");
                    else
                        await PlayAsync(client, events, says, move ? moveRate : 0, start, stay, cancellationToken);
                }
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

            // When moving, the stay was spent walking; linger briefly for the last replies.
            var deadline = Task.Delay(move ? TimeSpan.FromMilliseconds(200) : stay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
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

    /// <summary>Sends the chat lines, then walks for <paramref name="stay"/> (the stay is spent here when moving).</summary>
    private static async Task PlayAsync(BotClient client, BotEvents events, IReadOnlyList<string> says, double moveRate, Protocol.Packets.Position start, TimeSpan stay, CancellationToken cancellationToken)
    {
        foreach (var text in says)
            await SendAsync(client, events, "CharacterChatGeneralHandle", MovementPayloads.ChatGeneral(client.Version, text), cancellationToken);
        if (moveRate <= 0)
            return;
        var interval = TimeSpan.FromSeconds(1 / moveRate);
        var walker = new MovementWalker(start);
        var until = DateTime.UtcNow + stay;
        ushort sequence = 0;
        using var timer = new PeriodicTimer(interval);
        while (DateTime.UtcNow < until && await timer.WaitForNextTickAsync(cancellationToken))
            await SendAsync(client, events, "CharacterMoveHandle", walker.Step(client.Version, sequence++, (short)interval.TotalMilliseconds), cancellationToken);
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
