using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using AtlasChannel.Tool.Bot;
using AtlasChannel.Tool.Load.Epoll;

namespace AtlasChannel.Tool.Load;

/// <summary>
/// Logs N bots in, lets them walk (and chat) for the duration, and measures movement fan-out: each receiver matches
/// a relayed move to its sender's send time by the sequence number stamped in the fragment.
/// </summary>
internal sealed class LoadRun(LoadOptions options, TextWriter progress) : IDisposable
{
    private readonly ReceiveShards _received = new();
    private readonly LoadBot[] _bots = CreateBots(options);
    private readonly int[] _groupOf = [.. Enumerable.Range(0, options.Bots).Select(i => GroupOf(i, options))]; // flat, for the receive threads' caches
    private readonly SendTimes _sendTimes = new(options.Bots);
    private readonly short _moveElapse = options.MoveRate > 0 ? (short)Math.Min(1000 / options.MoveRate, short.MaxValue) : (short)0;
    private readonly LatencyWindow _lastSecond = new();
    private readonly LatencyWindow _afterWarmup = new();
    private readonly LatencyWindow _arrivalsAfterWarmup = new();
    private readonly List<double> _p99PerSecond = [];
    private readonly LatencyWindow _arrivalLastSecond = new();
    private readonly List<double> _arrivalP99PerSecond = [];
    private readonly Stopwatch _moving = new();
    private bool _warmedUp;
    private long _packetsOut;
    private long _chatsSent;
    private long _disconnects;
    private long _errors;
    private long _loggedIn;
    private string _phase = "login";

    private static LoadBot[] CreateBots(LoadOptions o)
    {
        var bots = new LoadBot[o.Bots];
        for (var i = 0; i < bots.Length; i++)
        {
            var group = GroupOf(i, o);
            bots[i] = new LoadBot(i, o.FirstCharacter + i, group, o.Port + (group % o.Channels), o.Start);
        }

        return bots;
    }

    private static int GroupOf(int bot, LoadOptions o) => bot % o.Groups;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var total = Stopwatch.StartNew();
        var reporter = ReportProgressAsync(total, progressStop.Token);

        using var engine = options.Transport == LoadTransport.Epoll
            ? new EpollReceiver(options.ReceiveThreads, _bots.Length, OnReceived, OnEnded)
            : null;
        var login = Stopwatch.StartNew();
        if (engine is null)
        {
            using var gate = new SemaphoreSlim(options.LoginConcurrency);
            await Task.WhenAll(_bots.Select(b => LoginAsync(b, gate, cancellationToken)));
        }
        else
        {
            await LoginBlockingAsync(engine, cancellationToken);
        }

        var loginSeconds = login.Elapsed.TotalSeconds;

        _phase = "move";
        _moving.Start();
        var inBefore = _received.Sum(static s => s.PacketsIn);
        var outBefore = Interlocked.Read(ref _packetsOut);
        var phase = Stopwatch.StartNew();
        if (engine is null)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(options.Duration);
            var players = _bots.Where(b => b.IsInField).Select(b => PlayAsync(b, stop.Token)).ToList();
            await Task.WhenAll(players);
        }
        else
        {
            await Task.Factory.StartNew(() => PlayScheduled(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var phaseSeconds = phase.Elapsed.TotalSeconds;
        var packetsIn = _received.Sum(static s => s.PacketsIn) - inBefore;
        var packetsOut = Interlocked.Read(ref _packetsOut) - outBefore;

        _phase = "close";
        foreach (var bot in _bots)
            bot.Stopping = true;
        if (engine is null)
        {
            await Task.WhenAll(_bots.Select(CloseAsync));
        }
        else
        {
            engine.Stop();
            foreach (var bot in _bots)
                bot.Connection?.Dispose(); // shuts the socket down and closes it
        }

        await progressStop.CancelAsync();
        await reporter;
        await progress.WriteLineAsync();
        return Report(loginSeconds, phaseSeconds, packetsIn, packetsOut);
    }

    private async Task LoginAsync(LoadBot bot, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var client = await BotClient.ConnectAsync(options.Host, bot.Port, options.Table, cancellationToken);
            bot.Client = client;
            bot.Receiving = client.ReceiveAsync(OnPacket(bot, client), CancellationToken.None);
            _ = bot.Receiving.ContinueWith(_ =>
            {
                if (!bot.Stopping)
                    Interlocked.Increment(ref _disconnects);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await client.SendAsync("CharacterLoggedInHandle", BotPackets.CharacterLoggedIn(client.Version, bot.CharacterId), cancellationToken);
            Interlocked.Increment(ref _packetsOut);
            var arrived = await Task.WhenAny(bot.InField.Task, bot.Receiving, Task.Delay(options.LoginTimeout, cancellationToken));
            if (arrived == bot.InField.Task)
                Interlocked.Increment(ref _loggedIn);
            else
                Interlocked.Increment(ref _errors);
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException or InvalidOperationException)
        {
            Interlocked.Increment(ref _errors);
        }
        finally
        {
            gate.Release();
        }
    }

    private Func<ushort, ReadOnlyMemory<byte>, ValueTask> OnPacket(LoadBot bot, BotClient client)
    {
        var version = client.Version;
        var setField = TemplateOpcodes.WriterOrNone(client.Table, "SetField");
        var movement = TemplateOpcodes.WriterOrNone(client.Table, "CharacterMovement");
        return (opcode, body) =>
        {
            var now = Stopwatch.GetTimestamp();
            var shard = _received.Local;
            shard.PacketsIn++;
            if (opcode == movement)
                OnRelay(shard, bot, version, body.Span, now, arrivedAt: 0);
            else if (opcode == setField)
                bot.InField.TrySetResult();
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>Epoll transport: <c>--login-concurrency</c> threads connect, shake hands and log in blocking, one bot at a time each.</summary>
    private Task LoginBlockingAsync(EpollReceiver engine, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(options.LoginConcurrency, _bots.Length)).Select(_ => Task.Factory.StartNew(() =>
        {
            int i;
            while (!cancellationToken.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < _bots.Length)
                LoginBlocking(_bots[i], engine);
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        return Task.WhenAll(workers);
    }

    private void LoginBlocking(LoadBot bot, EpollReceiver engine)
    {
        try
        {
            var connection = LoadConnection.Connect(options.Host, bot.Port, options.Table, bot.Index, options.LoginTimeout);
            bot.Connection = connection;
            engine.Add(connection);
            if (!connection.Send("CharacterLoggedInHandle", BotPackets.CharacterLoggedIn(connection.Version, bot.CharacterId)))
            {
                Interlocked.Increment(ref _errors);
                return;
            }

            Interlocked.Increment(ref _packetsOut);
            Task.WaitAny([bot.InField.Task], options.LoginTimeout);
            Interlocked.Increment(ref bot.InField.Task.IsCompletedSuccessfully ? ref _loggedIn : ref _errors);
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    private void OnReceived(LoadConnection connection, ushort opcode, ReadOnlySpan<byte> body, long receivedAt, long arrivedAt)
    {
        var shard = _received.Local;
        shard.PacketsIn++;
        if (opcode == connection.MovementOpcode)
            OnRelay(shard, _bots[connection.Token], connection.Version, body, receivedAt, arrivedAt);
        else if (opcode == connection.SetFieldOpcode)
            _bots[connection.Token].InField.TrySetResult();
    }

    private void OnEnded(LoadConnection connection)
    {
        var bot = _bots[connection.Token];
        bot.InField.TrySetCanceled();
        if (!bot.Stopping)
            Interlocked.Increment(ref _disconnects);
    }

    /// <summary>Epoll transport: every bot's moves and chat lines from one scheduler thread for the duration.</summary>
    private void PlayScheduled(CancellationToken cancellationToken)
    {
        var scheduler = new MoveScheduler();
        foreach (var bot in _bots)
        {
            if (!bot.IsInField || bot.Connection is not { } connection)
                continue;
            if (options.MoveRate > 0)
            {
                var move = connection.OpcodeOf("CharacterMoveHandle");
                scheduler.Add(options.MoveRate, () => Sent(connection.Send(move, NextMove(bot, connection.Version)), chat: false));
            }

            if (options.ChatRate > 0)
            {
                var chat = connection.OpcodeOf("CharacterChatGeneralHandle");
                var n = 0;
                scheduler.Add(options.ChatRate, () => Sent(connection.Send(chat, ChatLine(bot, connection.Version, n++)), chat: true));
            }
        }

        scheduler.Run(options.Duration, cancellationToken);
    }

    private bool Sent(bool sent, bool chat)
    {
        if (!sent)
        {
            Interlocked.Increment(ref _errors);
            return false;
        }

        CountSent(chat);
        return true;
    }

    private void CountSent(bool chat)
    {
        Interlocked.Increment(ref _packetsOut);
        if (chat)
            Interlocked.Increment(ref _chatsSent);
    }

    /// <summary>The bot's next step, stamped and counted before it is sent: its relays may arrive before the send returns.</summary>
    private byte[] NextMove(LoadBot bot, Protocol.ClientVersion version)
    {
        var sequence = bot.NextSequence++;
        var payload = bot.Walker.Step(version, sequence, _moveElapse);
        _sendTimes.Stamp(bot.Index, sequence, Stopwatch.GetTimestamp());
        bot.MoveSent();
        return payload;
    }

    private static byte[] ChatLine(LoadBot bot, Protocol.ClientVersion version, int n) =>
        MovementPayloads.ChatGeneral(version, string.Create(CultureInfo.InvariantCulture, $"load {bot.CharacterId} #{n}"));

    private void OnRelay(ReceiveShard shard, LoadBot receiver, Protocol.ClientVersion version, ReadOnlySpan<byte> body, long now, long arrivedAt)
    {
        if (!MovementPayloads.TryReadRelay(version, body, out var moverId, out var sequence))
        {
            shard.UnmatchedRelays++;
            return;
        }

        var index = moverId - options.FirstCharacter;
        if ((uint)index >= (uint)_bots.Length || !_sendTimes.TryGet(index, sequence, out var sentAt))
        {
            shard.UnmatchedRelays++;
            return;
        }

        shard.Latency.Record((long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds);
        if (arrivedAt != 0)
            shard.ArrivalLatency.Record((long)Stopwatch.GetElapsedTime(sentAt, Math.Max(arrivedAt, sentAt)).TotalMicroseconds);
        shard.RelaysReceived++;
        if (_groupOf[index] != receiver.Group)
            shard.CrossGroupRelays++;
    }

    private async Task PlayAsync(LoadBot bot, CancellationToken cancellationToken)
    {
        var client = bot.Client!;
        try
        {
            var chatting = options.ChatRate > 0 ? ChatAsync(bot, client, cancellationToken) : Task.CompletedTask;
            if (options.MoveRate > 0)
            {
                var interval = TimeSpan.FromSeconds(1 / options.MoveRate);
                await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(interval.Ticks)), cancellationToken); // spread the bots over the period
                using var timer = new PeriodicTimer(interval);
                do
                {
                    await client.SendAsync("CharacterMoveHandle", NextMove(bot, client.Version), cancellationToken);
                    CountSent(chat: false);
                }
                while (await timer.WaitForNextTickAsync(cancellationToken));
            }

            await chatting;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The duration is over.
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    private async Task ChatAsync(LoadBot bot, BotClient client, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1 / options.ChatRate);
        await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(interval.Ticks)), cancellationToken);
        using var timer = new PeriodicTimer(interval);
        var n = 0;
        do
        {
            await client.SendAsync("CharacterChatGeneralHandle", ChatLine(bot, client.Version, n++), cancellationToken);
            CountSent(chat: true);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private static async Task CloseAsync(LoadBot bot)
    {
        if (bot.Client is not { } client)
            return;
        client.Close();
        if (bot.Receiving is { } receiving)
            await receiving;
        await client.DisposeAsync();
    }

    private async Task ReportProgressAsync(Stopwatch total, CancellationToken cancellationToken)
    {
        long lastIn = 0, lastOut = 0;
        var last = total.Elapsed;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = total.Elapsed;
                var seconds = (now - last).TotalSeconds;
                var packetsIn = _received.Sum(static s => s.PacketsIn);
                var histograms = _received.Histograms;
                var packetsOut = Interlocked.Read(ref _packetsOut);
                var second = _lastSecond.Read(histograms, remark: true);
                var arrivalSecond = _arrivalLastSecond.Read(_received.ArrivalHistograms, remark: true);
                if (_moving.IsRunning)
                {
                    if (second.Samples > 0)
                        _p99PerSecond.Add(second.P99);
                    if (arrivalSecond.Samples > 0)
                        _arrivalP99PerSecond.Add(arrivalSecond.P99);
                    if (!_warmedUp && options.Warmup > TimeSpan.Zero && _moving.Elapsed >= options.Warmup)
                    {
                        _afterWarmup.Mark(histograms);
                        _arrivalsAfterWarmup.Mark(_received.ArrivalHistograms);
                        _warmedUp = true;
                    }
                }

                var arrival = arrivalSecond.Samples > 0 ? string.Create(CultureInfo.InvariantCulture, $", arrival {arrivalSecond.P99,7:F2}") : "";
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"\r[{now.TotalSeconds,5:F0}s {_phase,-5}] in field {Interlocked.Read(ref _loggedIn)}/{_bots.Length}  out {(packetsOut - lastOut) / seconds,8:F0}/s  in {(packetsIn - lastIn) / seconds,9:F0}/s  relays {LatencyHistogram.MergedCount(histograms)}  p99 {LatencyHistogram.Merged(histograms, 99),7:F2} ms (last 1 s {second.P99,7:F2}{arrival})  disc {Interlocked.Read(ref _disconnects)}  err {Interlocked.Read(ref _errors)}   ");
                await progress.WriteAsync(line);
                await progress.FlushAsync(cancellationToken);
                (lastIn, lastOut, last) = (packetsIn, packetsOut, now);
            }
        }
        catch (OperationCanceledException)
        {
            // Run over.
        }
    }

    private string Report(double loginSeconds, double phaseSeconds, long packetsIn, long packetsOut)
    {
        // Every move should reach every other in-field bot on the same port (one field per channel).
        long expected = 0;
        foreach (var field in _bots.Where(b => b.IsInField).GroupBy(b => b.Port))
        {
            var members = field.Count();
            expected += field.Sum(b => b.MovesSent) * (members - 1);
        }

        var histograms = _received.Histograms;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("bots", options.Bots);
            w.WriteNumber("groups", options.Groups);
            w.WriteNumber("channels", options.Channels);
            w.WriteString("transport", options.Transport == LoadTransport.Epoll ? "epoll" : "async");
            w.WriteNumber("fields", _bots.Select(b => b.Port).Distinct().Count());
            w.WriteNumber("moveRatePerBot", options.MoveRate);
            w.WriteNumber("chatRatePerBot", options.ChatRate);
            w.WriteNumber("loggedIn", Interlocked.Read(ref _loggedIn));
            w.WriteNumber("loginSeconds", Math.Round(loginSeconds, 3));
            w.WriteNumber("loginsPerSecond", Math.Round(Interlocked.Read(ref _loggedIn) / loginSeconds, 1));
            w.WriteNumber("durationSeconds", Math.Round(phaseSeconds, 3));
            w.WriteNumber("packetsOut", packetsOut);
            w.WriteNumber("packetsIn", packetsIn);
            w.WriteNumber("packetsOutPerSecond", Math.Round(packetsOut / phaseSeconds, 1));
            w.WriteNumber("packetsInPerSecond", Math.Round(packetsIn / phaseSeconds, 1));
            w.WriteNumber("movesSent", _bots.Sum(b => b.MovesSent));
            w.WriteNumber("chatsSent", Interlocked.Read(ref _chatsSent));
            w.WriteNumber("relaysExpected", expected);
            w.WriteNumber("relaysReceived", _received.Sum(static s => s.RelaysReceived));
            w.WriteNumber("relaysCrossGroup", _received.Sum(static s => s.CrossGroupRelays));
            w.WriteNumber("relaysUnmatched", _received.Sum(static s => s.UnmatchedRelays));
            WriteLatency(w, "fanoutLatencyMs", histograms);
            if (_warmedUp)
                WriteWindow(w, "fanoutLatencyAfterWarmupMs", _afterWarmup.Read(histograms, remark: false), options.Warmup.TotalSeconds);

            var arrivals = _received.ArrivalHistograms;
            if (LatencyHistogram.MergedCount(arrivals) > 0)
            {
                // Until the relay was queued on the bot's socket (kernel timestamp): the server's share, without the
                // time the tool's own receive threads took to get to it on the cores they share with the server.
                WriteLatency(w, "arrivalLatencyMs", arrivals);
                if (_warmedUp)
                    WriteWindow(w, "arrivalLatencyAfterWarmupMs", _arrivalsAfterWarmup.Read(arrivals, remark: false), warmupSeconds: null);
            }

            WriteSeries(w, "p99PerSecondMs", _p99PerSecond);
            if (_arrivalP99PerSecond.Count > 0)
                WriteSeries(w, "arrivalP99PerSecondMs", _arrivalP99PerSecond); // the server's share alone, per second: a burst in the server vs one in the tool's reading

            w.WriteNumber("disconnects", Interlocked.Read(ref _disconnects));
            w.WriteNumber("errors", Interlocked.Read(ref _errors));
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSeries(Utf8JsonWriter w, string name, List<double> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
            w.WriteNumberValue(value);
        w.WriteEndArray();
    }

    private static void WriteLatency(Utf8JsonWriter w, string name, IReadOnlyList<LatencyHistogram> histograms)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p50", LatencyHistogram.Merged(histograms, 50));
        w.WriteNumber("p95", LatencyHistogram.Merged(histograms, 95));
        w.WriteNumber("p99", LatencyHistogram.Merged(histograms, 99));
        w.WriteNumber("max", LatencyHistogram.MergedMaxMilliseconds(histograms));
        w.WriteNumber("samples", LatencyHistogram.MergedCount(histograms));
        w.WriteEndObject();
    }

    private static void WriteWindow(Utf8JsonWriter w, string name, WindowLatency window, double? warmupSeconds)
    {
        w.WriteStartObject(name);
        if (warmupSeconds is { } seconds)
            w.WriteNumber("warmupSeconds", seconds);
        w.WriteNumber("p50", window.P50);
        w.WriteNumber("p95", window.P95);
        w.WriteNumber("p99", window.P99);
        w.WriteNumber("samples", window.Samples);
        w.WriteEndObject();
    }

    public void Dispose() => _received.Dispose();
}
