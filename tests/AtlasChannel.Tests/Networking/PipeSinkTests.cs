using System.Buffers;
using System.IO.Pipelines;
using AtlasChannel.Networking;

namespace AtlasChannel.Tests.Networking;

public sealed class PipeSinkTests
{
    [Fact]
    public async Task A_try_takes_everything_while_the_pipe_keeps_up()
    {
        var pipe = new Pipe();
        var sink = new PipeSink(pipe.Writer);

        Assert.Equal(3, sink.TrySend([1, 2, 3]));
        Assert.Equal(2, sink.TrySend([4, 5]));

        var read = await pipe.Reader.ReadAsync();
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, read.Buffer.ToArray());
    }

    [Fact]
    public async Task A_try_takes_nothing_while_back_pressure_holds_and_the_awaited_send_follows_in_order()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4, resumeWriterThreshold: 2, useSynchronizationContext: false));
        var sink = new PipeSink(pipe.Writer);

        Assert.Equal(5, sink.TrySend([1, 2, 3, 4, 5])); // over the threshold: its flush stays pending
        Assert.Equal(0, sink.TrySend([6]));
        var rest = sink.SendAllAsync(new byte[] { 6, 7 }).AsTask();
        Assert.False(rest.IsCompleted);

        var received = new List<byte>();
        while (received.Count < 7)
        {
            var read = await pipe.Reader.ReadAsync();
            received.AddRange(read.Buffer.ToArray());
            pipe.Reader.AdvanceTo(read.Buffer.End);
        }

        Assert.True(await rest);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7 }, received);
    }

    [Fact]
    public async Task A_completed_reader_means_the_connection_is_gone()
    {
        var pipe = new Pipe();
        var sink = new PipeSink(pipe.Writer);
        await pipe.Reader.CompleteAsync();

        Assert.Equal(-1, sink.TrySend([1]));
        Assert.False(await sink.SendAllAsync(new byte[] { 2 }));
    }
}
