namespace AtlasChannel.Tool.Load;

internal sealed record LoadOptions(
    int Bots,
    int Groups,
    double MoveRate,
    double ChatRate,
    TimeSpan Duration,
    string Host,
    int Port,
    int Channels,
    int FirstCharacter,
    Protocol.Packets.Position Start,
    int LoginConcurrency,
    TimeSpan LoginTimeout,
    Protocol.Opcodes.OpcodeTable? Table,
    TimeSpan Warmup = default,
    LoadTransport Transport = LoadTransport.Async,
    int ReceiveThreads = 2);

/// <summary>How the load tool's bots talk to the server.</summary>
internal enum LoadTransport
{
    /// <summary>One <see cref="Bot.BotClient"/> per bot on .NET's async sockets and pipelines (portable).</summary>
    Async,

    /// <summary>Non-blocking sockets read by the tool's own epoll threads and written by one scheduler thread (Linux).</summary>
    Epoll,
}
