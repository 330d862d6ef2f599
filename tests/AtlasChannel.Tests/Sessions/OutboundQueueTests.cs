using AtlasChannel.Packets;
using AtlasChannel.Sessions;

namespace AtlasChannel.Tests.Sessions;

public sealed class OutboundQueueTests
{
    [Fact]
    public void A_full_queue_refuses_exactly_at_capacity_and_takes_again_once_read()
    {
        var queue = new OutboundQueue(4);
        var packets = Enumerable.Range(0, 8).Select(i => SharedPacket.Create([(byte)i], "Test", (ushort)i)).ToArray();
        for (var i = 0; i < 4; i++)
            Assert.True(queue.TryWrite(packets[i]));
        Assert.False(queue.TryWrite(packets[4]));

        Assert.True(queue.TryRead(out var first));
        Assert.Same(packets[0], first);
        Assert.True(queue.TryRead(out _));
        Assert.True(queue.TryWrite(packets[5]));
        Assert.True(queue.TryWrite(packets[6]));
        Assert.False(queue.TryWrite(packets[7]));

        var order = new List<SharedPacket>();
        while (queue.TryRead(out var packet))
            order.Add(packet);
        Assert.Equal([packets[2], packets[3], packets[5], packets[6]], order);
        foreach (var packet in packets)
            packet.Release();
    }

    [Fact]
    public void A_flowing_queue_never_refuses_however_many_packets_pass_through_it()
    {
        // Writers compare against their own copy of the reader's count, refreshed only when it looks full: a queue that
        // is read as fast as it is written must never be taken for full, far beyond the capacity in total.
        var queue = new OutboundQueue(4);
        using var packet = new PacketLease(SharedPacket.Create([1], "Test", 1));
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(queue.TryWrite(packet.Packet));
            Assert.True(queue.TryWrite(packet.Packet));
            Assert.True(queue.TryRead(out _));
            Assert.True(queue.TryRead(out _));
        }

        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public async Task Concurrent_writers_never_get_more_than_capacity_queued()
    {
        var queue = new OutboundQueue(64);
        using var packet = new PacketLease(SharedPacket.Create([1], "Test", 1));
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (queue.TryWrite(packet.Packet))
                    Interlocked.Increment(ref accepted);
            }
        })));

        Assert.Equal(64, accepted);
        var queued = 0;
        while (queue.TryRead(out _))
            queued++;
        Assert.Equal(64, queued);
    }

    private sealed class PacketLease(SharedPacket packet) : IDisposable
    {
        public SharedPacket Packet { get; } = packet;

        public void Dispose() => Packet.Release();
    }
}
