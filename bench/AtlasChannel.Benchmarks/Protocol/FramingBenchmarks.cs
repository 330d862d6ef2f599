using System.Buffers;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Protocol.Packets;
using BenchmarkDotNet.Attributes;

namespace AtlasChannel.Benchmarks.Protocol;

/// <summary>Frame decoding (header check + copy + decrypt) of 100 client packets, and building a typical packet body.</summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    private const int Frames = 100;
    private static readonly ClientVersion V83 = new("GMS", 83, 1);
    private static readonly MapleIv StartIv = MapleIv.FromHex("46727AB7");
    private readonly ReadOnlySequence<byte>[] _streams = new ReadOnlySequence<byte>[1];
    private FrameDecoder _decoder = null!;
    private MapleCipher _cipher = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var send = MapleCipher.ClientSend(V83, StartIv);
        using var wire = new MemoryStream();
        for (var i = 0; i < Frames; i++)
        {
            var body = new byte[random.Next(8, 80)];
            random.NextBytes(body);
            var packet = new byte[body.Length + 4];
            send.Encrypt(body, packet);
            wire.Write(packet);
        }

        _streams[0] = new ReadOnlySequence<byte>(wire.ToArray());
        _cipher = MapleCipher.ServerReceive(V83, StartIv);
        _decoder = new FrameDecoder(_cipher);
    }

    [IterationSetup(Target = nameof(DecodeFrames))]
    public void ResetDecoder()
    {
        _decoder.Dispose();
        _cipher = MapleCipher.ServerReceive(V83, StartIv);
        _decoder = new FrameDecoder(_cipher);
    }

    /// <summary>One op = one frame.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int DecodeFrames()
    {
        var buffer = _streams[0];
        var total = 0;
        while (_decoder.TryReadFrame(ref buffer, out var body, out _))
            total += body.Length;
        return total;
    }

    /// <summary>A movement-sized body: opcode, ids, positions, a short string.</summary>
    [Benchmark]
    public int WritePacket()
    {
        using var writer = PacketWriter.Rent();
        writer.WriteOpcode(0xB9, 2).WriteInt32(1000017).WritePosition(-120, 340).WriteByte(3)
            .WriteInt16(12).WriteInt16(-5).WriteInt32(0).WriteString("Hello, Maple").WriteFileTime(PacketTime.NoExpiry);
        return writer.Length;
    }
}
