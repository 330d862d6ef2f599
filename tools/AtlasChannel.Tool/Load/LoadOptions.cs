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
    TimeSpan Warmup = default);
