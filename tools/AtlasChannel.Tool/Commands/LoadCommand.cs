using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Tool.Cli;
using AtlasChannel.Tool.Load;
using AtlasChannel.Tool.Load.Epoll;

namespace AtlasChannel.Tool.Commands;

/// <summary><c>load</c>: many bots log in, walk and chat; prints progress on stderr and a JSON report on stdout.</summary>
internal sealed class LoadCommand : IToolCommand
{
    public string Name => "load";

    public string Usage => """
          load --bots N [--maps M] [--move-rate R] [--chat-rate C] [--duration S] [--host 127.0.0.1] [--port 7575]
               [--channels K] [--first-character 1000] [--x 0 --y 0] [--login-concurrency 50] [--login-timeout 30]
               [--warmup W] [--template FILE] [--transport epoll|async] [--receive-threads T]
              N bots (characters first..first+N−1) log in, then each sends R moves/s (one NORMAL fragment, sequence
              number in vy) and C chat lines/s for S seconds. Bot i is in group i mod M; group g connects to
              port + (g mod K): every character starts in the same map, so a group is a field only when it has its
              own channel (K ≥ M). Live progress on stderr; final JSON on stdout: logins/s, packets/s in and out,
              movement fan-out latency (send → each other bot's receipt) p50/p95/p99/max, the p99 of each second
              of the move phase, and with --warmup the latency of the samples after its first W seconds,
              disconnects, errors.
              --transport epoll (the default on Linux) reads every bot from T epoll threads (default: one per core,
              at most 4) and sends from one scheduler thread, so the tool takes little of the CPU it shares with
              the server; async uses one .NET async socket per bot (portable).
              Exit 0 when every bot logged in and nothing failed, 1 otherwise.
        """;

    public async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args.Span);
        var bots = parsed.Int("bots", 0);
        var groups = parsed.Int("maps", 1);
        var channels = parsed.Int("channels", 1);
        var moveRate = parsed.Double("move-rate", 5);
        var chatRate = parsed.Double("chat-rate", 0);
        var duration = parsed.Double("duration", 30);
        var host = parsed.Optional("host") ?? "127.0.0.1";
        var port = parsed.Int("port", 7575);
        var first = parsed.Int("first-character", 1000);
        var start = new Protocol.Packets.Position((short)parsed.Int("x", 0), (short)parsed.Int("y", 0));
        var concurrency = parsed.Int("login-concurrency", 50);
        var loginTimeout = parsed.Double("login-timeout", 30);
        var warmup = parsed.Double("warmup", 0);
        var templateFile = parsed.Optional("template");
        var transportName = parsed.Optional("transport") ?? (EpollSet.IsSupported ? "epoll" : "async");
        var receiveThreads = parsed.Int("receive-threads", Math.Clamp(Environment.ProcessorCount, 1, 4));
        parsed.RejectUnknown();
        if (bots < 1)
            throw new UsageException("--bots must be at least 1");
        if (groups < 1 || groups > bots)
            throw new UsageException("--maps must be in [1, bots]");
        if (channels < 1 || port + channels - 1 > ushort.MaxValue)
            throw new UsageException("--channels must be at least 1 and the ports must fit");
        if (moveRate < 0 || moveRate > 100 || chatRate < 0 || chatRate > 100)
            throw new UsageException("--move-rate and --chat-rate must be in [0, 100]");
        if (duration <= 0 || concurrency < 1 || loginTimeout <= 0)
            throw new UsageException("--duration, --login-concurrency and --login-timeout must be positive");
        if (warmup < 0 || warmup >= duration)
            throw new UsageException("--warmup must be in [0, duration)");
        if (first < 1 || (long)first + bots - 1 > int.MaxValue)
            throw new UsageException("--first-character out of range");

        var transport = transportName switch
        {
            "async" => LoadTransport.Async,
            "epoll" when EpollSet.IsSupported => LoadTransport.Epoll,
            "epoll" => throw new UsageException("--transport epoll needs Linux on x86-64 or arm64"),
            _ => throw new UsageException("--transport must be epoll or async"),
        };
        if (receiveThreads is < 1 or > 64)
            throw new UsageException("--receive-threads must be in [1, 64]");

        var table = templateFile is null ? null : OpcodeTable.Parse(await File.ReadAllTextAsync(templateFile, cancellationToken));
        var options = new LoadOptions(bots, groups, moveRate, chatRate, TimeSpan.FromSeconds(duration), host, port, channels, first, start, concurrency, TimeSpan.FromSeconds(loginTimeout), table, TimeSpan.FromSeconds(warmup), transport, receiveThreads);
        using var run = new LoadRun(options, stderr);
        string report;
        try
        {
            report = await run.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("load: cancelled");
            return 1;
        }

        await stdout.WriteLineAsync(report);
        using var doc = System.Text.Json.JsonDocument.Parse(report);
        var root = doc.RootElement;
        return root.GetProperty("loggedIn").GetInt64() == bots && root.GetProperty("errors").GetInt64() == 0 && root.GetProperty("disconnects").GetInt64() == 0 ? 0 : 1;
    }
}
