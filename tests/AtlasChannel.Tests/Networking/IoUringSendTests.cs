using System.Buffers;
using System.Net;
using System.Net.Sockets;
using AtlasChannel.Networking;
using AtlasChannel.Networking.IoUring;
using AtlasChannel.Observability;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Networking;

/// <summary>
/// The io_uring send path against real loopback sockets. Where the kernel refuses io_uring (not Linux, or a seccomp
/// profile), the ring tests return early and the flusher tests run on the direct path they fall back to.
/// </summary>
public sealed class IoUringSendTests : IDisposable
{
    private static readonly MapleIv SendIv = MapleIv.FromHex("523078E9");
    private readonly ChannelMetrics _metrics = new();
    private readonly Tenancy.ChannelServer _server = TestSessions.Server(TestSessions.TenantA);
    private readonly List<IDisposable> _owned = [];

    private static bool RingAvailable
    {
        get
        {
            using var ring = SendRing.TryCreate(8, out _);
            return ring is not null;
        }
    }

    [Fact]
    public unsafe void One_submit_sends_each_queued_buffer_to_its_own_socket_exactly()
    {
        using var ring = SendRing.TryCreate(8, out _);
        if (ring is null)
            return;
        var (serverA, clientA) = Pair();
        var (serverB, clientB) = Pair();
        var bytes = GC.AllocateArray<byte>(300, pinned: true);
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)i;

        fixed (byte* start = bytes)
        {
            Assert.True(ring.TryQueueSend(Fd(serverA), start, 100, 7));
            Assert.True(ring.TryQueueSend(Fd(serverB), start + 100, 200, 8));
            Assert.True(ring.SubmitAndWait(TimeSpan.FromSeconds(2)));
        }

        var results = Reap(ring);
        Assert.Equal(new Dictionary<ulong, int> { [7] = 100, [8] = 200 }, results);
        Assert.Equal(bytes[..100], ReadExactly(clientA, 100));
        Assert.Equal(bytes[100..], ReadExactly(clientB, 200));
    }

    [Fact]
    public unsafe void A_full_socket_completes_at_once_with_what_it_took_and_then_EAGAIN()
    {
        using var ring = SendRing.TryCreate(8, out _);
        if (ring is null)
            return;
        var (server, _) = Pair(sendBuffer: 16 * 1024); // the peer never reads
        var big = GC.AllocateArray<byte>(8 * 1024 * 1024, pinned: true);

        var results = new List<int>();
        fixed (byte* start = big)
        {
            // The peer's receive buffer may still grow for a few sends; then the socket takes nothing more.
            for (var attempt = 0; attempt < 50 && !results.Contains(-IoUringNative.EAgain); attempt++)
            {
                Assert.True(ring.TryQueueSend(Fd(server), start, big.Length, (ulong)attempt));
                Assert.True(ring.SubmitAndWait(TimeSpan.FromSeconds(2)), "a MSG_DONTWAIT send must not wait for the peer");
                results.AddRange(Reap(ring).Values);
            }
        }

        Assert.InRange(results[0], 1, big.Length - 1); // a part, not all and not a parked request
        Assert.Equal(-IoUringNative.EAgain, results[^1]);
        Assert.All(results[..^1], r => Assert.InRange(r, 1, big.Length - 1));
    }

    [Fact]
    public unsafe void A_reset_connection_reports_an_error_without_a_signal()
    {
        using var ring = SendRing.TryCreate(8, out _);
        if (ring is null)
            return;
        var (server, client) = Pair();
        client.LingerState = new LingerOption(true, 0);
        client.Close(); // RST
        Thread.Sleep(50);
        var bytes = GC.AllocateArray<byte>(64, pinned: true);

        var results = new List<int>();
        fixed (byte* start = bytes)
        {
            for (var i = 0; i < 2; i++) // the first may still be taken into the buffer; the second sees the reset
            {
                Assert.True(ring.TryQueueSend(Fd(server), start, bytes.Length, (ulong)i));
                Assert.True(ring.SubmitAndWait(TimeSpan.FromSeconds(2)));
                results.AddRange(Reap(ring).Values);
            }
        }

        Assert.True(results.Last() < 0 && results.Last() != -IoUringNative.EAgain, $"results: {string.Join(", ", results)}");
    }

    [Fact]
    public unsafe void The_ring_refuses_more_sends_than_it_has_entries_until_submitted()
    {
        using var ring = SendRing.TryCreate(4, out _);
        if (ring is null)
            return;
        var (server, client) = Pair();
        var bytes = GC.AllocateArray<byte>(1, pinned: true);
        fixed (byte* start = bytes)
        {
            for (var i = 0; i < ring.Capacity; i++)
                Assert.True(ring.TryQueueSend(Fd(server), start, 1, (ulong)i));
            Assert.False(ring.TryQueueSend(Fd(server), start, 1, 99));
            Assert.True(ring.SubmitAndWait(TimeSpan.FromSeconds(2)));
            Assert.False(ring.TryQueueSend(Fd(server), start, 1, 99)); // completions not yet read still hold entries
            Assert.Equal(ring.Capacity, Reap(ring).Count);
            Assert.True(ring.TryQueueSend(Fd(server), start, 1, 99));
            Assert.True(ring.SubmitAndWait(TimeSpan.FromSeconds(2)));
        }

        Assert.Single(Reap(ring));
        Assert.Equal(ring.Capacity + 1, ReadExactly(client, ring.Capacity + 1).Length);
    }

    [Fact]
    public async Task Flusher_threads_deliver_every_sessions_packets_encrypted_and_in_order_over_real_sockets()
    {
        using var flusher = new OutboundFlusher(TimeSpan.FromMilliseconds(5), threads: 2, _metrics, NullLogger.Instance, ioUring: true);
        Assert.Equal(RingAvailable, flusher.UsesIoUring);
        var pairs = Enumerable.Range(0, 6).Select(_ => (Session: TestSessions.Create(_server, capacity: 4096), Client: Pair())).ToList();
        for (var i = 0; i < pairs.Count; i++)
            flusher.Attach(pairs[i].Session, new SocketSink(pairs[i].Client.Server), MapleCipher.ServerSend(_server.Version, SendIv));

        await Task.WhenAll(pairs.Select((p, n) => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
                Assert.True(p.Session.Send("CharacterMovement", (n, i), static (w, in _, s) => w.WriteInt32(s.n).WriteInt32(s.i)));
        })));

        foreach (var (n, pair) in pairs.Index())
        {
            var bodies = await ReadBodiesAsync(pair.Client.Client, 500);
            Assert.Equal(Enumerable.Range(0, 500).Select(i => (n, i)), bodies.Select(b => (BitConverter.ToInt32(b, 2), BitConverter.ToInt32(b, 6))));
        }
    }

    [Fact]
    public async Task A_client_that_reads_late_gets_the_whole_backlog_in_order_and_other_sessions_are_not_held_up()
    {
        using var flusher = new OutboundFlusher(TimeSpan.FromMilliseconds(5), threads: 1, _metrics, NullLogger.Instance, ioUring: true);
        var (slow, slowClient) = AttachOverSocket(flusher, receiveBuffer: 4096);
        var (fast, fastClient) = AttachOverSocket(flusher);

        var big = new byte[20_000];
        for (var i = 0; i < 200; i++) // 4 MB: far more than the socket buffers, so sends come back partial or EAGAIN
        {
            big[0] = (byte)i;
            Assert.True(slow.Send("CharacterMovement", big, static (w, in _, b) => w.WriteBytes(b)));
        }

        for (var i = 0; i < 50; i++)
            Assert.True(fast.Send("CharacterMovement", i, static (w, in _, m) => w.WriteInt32(m)));
        var fastBodies = await ReadBodiesAsync(fastClient.Client, 50); // while the slow client has read nothing
        Assert.Equal(Enumerable.Range(0, 50), fastBodies.Select(b => BitConverter.ToInt32(b, 2)));

        await Task.Delay(200);
        var slowBodies = await ReadBodiesAsync(slowClient.Client, 200);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (byte)i), slowBodies.Select(b => b[2]));
        Assert.All(slowBodies, b => Assert.Equal(2 + big.Length, b.Length));
        Assert.False(slow.IsClosed);
    }

    [Fact]
    public async Task A_reset_connection_closes_only_its_session()
    {
        using var flusher = new OutboundFlusher(TimeSpan.Zero, threads: 1, _metrics, NullLogger.Instance, ioUring: true);
        var (lost, lostClient) = AttachOverSocket(flusher);
        var (kept, keptClient) = AttachOverSocket(flusher);
        lostClient.Client.LingerState = new LingerOption(true, 0);
        lostClient.Client.Close();
        await Task.Delay(50);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        for (var i = 0; !lost.IsClosed; i++)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reset was not noticed within 10 s");
            lost.Send("CharacterMovement", i, static (w, in _, m) => w.WriteInt32(m));
            await Task.Delay(10);
        }

        Assert.Contains("connection lost while sending", lost.CloseReason, StringComparison.Ordinal);
        Assert.True(kept.Send("CharacterMovement", 5, static (w, in _, m) => w.WriteInt32(m)));
        Assert.Equal(5, BitConverter.ToInt32((await ReadBodiesAsync(keptClient.Client, 1))[0], 2));
    }

    [Fact]
    public async Task A_failed_submission_closes_that_rounds_sessions_and_the_flusher_then_sends_directly()
    {
        using var flusher = new OutboundFlusher(TimeSpan.Zero, threads: 1, _metrics, NullLogger.Instance, ioUring: true, ownThreads: false);
        if (!flusher.UsesIoUring)
            return; // no ring here: the direct path is what the other flusher tests exercise
        var (first, firstClient) = AttachOverSocket(flusher);
        var (second, secondClient) = AttachOverSocket(flusher);
        Assert.True(first.Send("CharacterMovement", 1, static (w, in _, m) => w.WriteInt32(m)));
        flusher.RunRounds();
        Assert.Equal(1, BitConverter.ToInt32((await ReadBodiesAsync(firstClient.Client, 1))[0], 2)); // through the ring

        BreakRing(flusher); // the ring's descriptor now names /dev/null: the next io_uring_enter fails
        Assert.True(first.Send("CharacterMovement", 2, static (w, in _, m) => w.WriteInt32(m)));
        Assert.True(second.Send("CharacterMovement", 3, static (w, in _, m) => w.WriteInt32(m)));
        flusher.RunRounds();

        // What the kernel took of that round is unknown, so both streams are gone; the shard stops using the ring.
        Assert.True(first.IsClosed);
        Assert.True(second.IsClosed);
        Assert.Contains("sending stalled in the kernel", first.CloseReason, StringComparison.Ordinal);
        Assert.False(flusher.UsesIoUring);

        // The abandoned round gives its sockets back after a grace period: they close (a handle that stayed
        // referenced would make Dispose wait forever).
        await Task.WhenAll(Task.Run(firstClient.Server.Dispose), Task.Run(secondClient.Server.Dispose)).WaitAsync(TimeSpan.FromSeconds(10));

        var (later, laterClient) = AttachOverSocket(flusher);
        Assert.True(later.Send("CharacterMovement", 4, static (w, in _, m) => w.WriteInt32(m)));
        flusher.RunRounds();
        Assert.Equal(4, BitConverter.ToInt32((await ReadBodiesAsync(laterClient.Client, 1))[0], 2)); // sent directly
    }

    /// <summary>
    /// Points the flusher's ring descriptor at /dev/null (dup2, so the number is never free for another socket of this
    /// test process to take): the only way to make a real kernel refuse a submission.
    /// </summary>
    private static void BreakRing(OutboundFlusher flusher)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var shard = ((FlushShard[])typeof(OutboundFlusher).GetField("_shards", Private)!.GetValue(flusher)!)[0];
        var sender = typeof(FlushShard).GetField("_batched", Private)!.GetValue(shard)!;
        var ring = typeof(BatchedSender).GetField("_ring", Private)!.GetValue(sender)!;
        var fd = (int)typeof(SendRing).GetField("_fd", Private)!.GetValue(ring)!;
        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
        Assert.Equal(fd, Native.Dup2((int)devNull.DangerousGetHandle(), fd));
    }

    /// <summary>A session attached to <paramref name="flusher"/> over the server end of a new loopback pair.</summary>
    private (Session Session, (Socket Server, Socket Client) Pair) AttachOverSocket(OutboundFlusher flusher, int receiveBuffer = 0)
    {
        var session = TestSessions.Create(_server, capacity: 4096);
        var pair = Pair(receiveBuffer: receiveBuffer);
        flusher.Attach(session, new SocketSink(pair.Server), MapleCipher.ServerSend(_server.Version, SendIv));
        return (session, pair);
    }

    private (Socket Server, Socket Client) Pair(int sendBuffer = 0, int receiveBuffer = 0)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBuffer > 0)
            client.ReceiveBufferSize = receiveBuffer;
        client.Connect(listener.LocalEndPoint!);
        var server = listener.Accept();
        server.NoDelay = true;
        if (sendBuffer > 0)
            server.SendBufferSize = sendBuffer;
        server.Blocking = false;
        _owned.Add(server);
        _owned.Add(client);
        return (server, client);
    }

    private static int Fd(Socket socket) => (int)socket.Handle;

    private static Dictionary<ulong, int> Reap(SendRing ring)
    {
        var results = new Dictionary<ulong, int>();
        while (ring.TryReap(out var userData, out var result))
            results[userData] = result;
        return results;
    }

    private static byte[] ReadExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        socket.ReceiveTimeout = 5000;
        for (var read = 0; read < count;)
            read += socket.Receive(buffer, read, count - read, SocketFlags.None);
        return buffer;
    }

    private async Task<List<byte[]>> ReadBodiesAsync(Socket socket, int count)
    {
        var decoder = _decoders.TryGetValue(socket, out var known) ? known : _decoders[socket] = new FrameDecoder(MapleCipher.ClientReceive(_server.Version, SendIv));
        var pending = _pending.TryGetValue(socket, out var left) ? left : [];
        var bodies = new List<byte[]>();
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (bodies.Count < count)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            Assert.True(read > 0, "the server closed the connection");
            pending = [.. pending, .. buffer.AsSpan(0, read)];
            var sequence = new ReadOnlySequence<byte>(pending);
            while (decoder.TryReadFrame(ref sequence, out var body, out var error))
                bodies.Add(body.ToArray());
            pending = sequence.ToArray();
        }

        _pending[socket] = pending;
        return bodies;
    }

    private readonly Dictionary<Socket, FrameDecoder> _decoders = [];
    private readonly Dictionary<Socket, byte[]> _pending = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        foreach (var decoder in _decoders.Values)
            decoder.Dispose();
        _metrics.Dispose();
    }
}

internal static partial class Native
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int oldFd, int newFd);
}
