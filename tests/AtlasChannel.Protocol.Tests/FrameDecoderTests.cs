using System.Buffers;
using System.IO.Pipelines;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;

namespace AtlasChannel.Protocol.Tests;

public class FrameDecoderTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);
    private static readonly MapleIv Iv = MapleIv.FromHex("46727AB7");

    [Fact]
    public async Task Frames_fed_byte_by_byte_come_out_whole_and_in_order()
    {
        var (wire, bodies) = ClientStream(seed: 1, count: 30);
        var received = await Decode(wire, Enumerable.Repeat(1, wire.Length).ToArray());
        Assert.Equal(bodies, received);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Frames_in_random_splits_come_out_whole_and_in_order(int seed)
    {
        var (wire, bodies) = ClientStream(seed, count: 60);
        var random = new Random(seed * 31);
        var splits = new List<int>();
        for (var remaining = wire.Length; remaining > 0;)
        {
            var size = Math.Min(remaining, random.Next(1, 700));
            splits.Add(size);
            remaining -= size;
        }

        Assert.Equal(bodies, await Decode(wire, [.. splits]));
    }

    [Fact]
    public async Task Oversize_header_ends_the_stream_with_a_reason()
    {
        var cipher = MapleCipher.ClientSend(V83, Iv);
        var big = new byte[5000];
        var wire = new byte[big.Length + 4];
        cipher.Encrypt(big, wire);

        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(wire);
        await pipe.Writer.CompleteAsync();
        using var decoder = new FrameDecoder(MapleCipher.ServerReceive(V83, Iv), maxBodyLength: 4096);
        var handled = 0;
        var result = await FrameReader.ReadAllAsync(pipe.Reader, decoder, _ => { handled++; return ValueTask.CompletedTask; });
        Assert.Equal(FrameError.TooLarge, result.Error);
        Assert.Contains("5000", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, handled);
    }

    [Fact]
    public async Task Garbage_header_ends_the_stream_before_any_body_is_read()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0x12, 0x34, 0x56, 0x78 });
        using var decoder = new FrameDecoder(MapleCipher.ServerReceive(V83, Iv));
        var result = await FrameReader.ReadAllAsync(pipe.Reader, decoder, _ => ValueTask.CompletedTask);
        Assert.Equal(FrameError.InvalidHeader, result.Error);
    }

    [Fact]
    public void A_body_too_short_for_an_opcode_is_rejected()
    {
        var header = new byte[4];
        PacketHeader.Write(header, Iv, V83.ClientToServerHeaderKey, 1);
        using var decoder = new FrameDecoder(MapleCipher.ServerReceive(V83, Iv));
        var buffer = new ReadOnlySequence<byte>(header);
        Assert.False(decoder.TryReadFrame(ref buffer, out _, out var error));
        Assert.Equal(FrameError.TooShort, error);
    }

    [Fact]
    public async Task Peer_close_mid_frame_ends_cleanly_without_a_partial_packet()
    {
        var (wire, bodies) = ClientStream(seed: 9, count: 3);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(wire.AsMemory(0, wire.Length - 1));
        await pipe.Writer.CompleteAsync();
        using var decoder = new FrameDecoder(MapleCipher.ServerReceive(V83, Iv));
        var received = new List<byte[]>();
        var result = await FrameReader.ReadAllAsync(pipe.Reader, decoder, b => { received.Add(b.ToArray()); return ValueTask.CompletedTask; });
        Assert.True(result.EndedCleanly);
        Assert.Equal(bodies.Take(2), received);
    }

    private static (byte[] Wire, List<byte[]> Bodies) ClientStream(int seed, int count)
    {
        var random = new Random(seed);
        var cipher = MapleCipher.ClientSend(V83, Iv);
        var bodies = new List<byte[]>();
        using var stream = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            var body = new byte[random.Next(2, i % 10 == 0 ? 3000 : 120)];
            random.NextBytes(body);
            bodies.Add(body);
            var wire = new byte[body.Length + 4];
            cipher.Encrypt(body, wire);
            stream.Write(wire);
        }

        return (stream.ToArray(), bodies);
    }

    private static async Task<List<byte[]>> Decode(byte[] wire, int[] splits)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        using var decoder = new FrameDecoder(MapleCipher.ServerReceive(V83, Iv));
        var received = new List<byte[]>();
        var reading = FrameReader.ReadAllAsync(pipe.Reader, decoder, body =>
        {
            received.Add(body.ToArray());
            return ValueTask.CompletedTask;
        }).AsTask();

        var offset = 0;
        foreach (var size in splits)
        {
            await pipe.Writer.WriteAsync(wire.AsMemory(offset, size));
            offset += size;
        }

        await pipe.Writer.CompleteAsync();
        var result = await reading;
        Assert.True(result.EndedCleanly, result.Reason);
        return received;
    }
}
