using System.Net;
using System.Net.Sockets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Handshake;
using AtlasChannel.Tool.Load;
using AtlasChannel.Tool.Load.Epoll;

namespace AtlasChannel.Tool.Tests;

/// <summary>The load tool's epoll transport against a raw socket that plays the server, byte by byte.</summary>
public sealed class LoadEpollTests : IDisposable
{
    private static readonly ClientVersion Gms83 = new("GMS", 83, 1);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly MapleIv _serverReceiveIv = MapleIv.Random();
    private readonly MapleIv _serverSendIv = MapleIv.Random();

    public LoadEpollTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    [Fact]
    public async Task Frames_split_across_reads_arrive_whole_and_in_order_and_sends_decrypt_on_the_server()
    {
        if (!EpollSet.IsSupported)
            return; // the transport only exists on Linux; LoadCommand falls back to async elsewhere

        var accepting = _listener.AcceptSocketAsync();
        var connecting = Task.Run(() => LoadConnection.Connect("127.0.0.1", Port, null, 7, TimeSpan.FromSeconds(5)));
        using var server = await accepting;
        server.Send(Hello.For(Gms83, _serverReceiveIv, _serverSendIv).ToArray());
        using var connection = await connecting;
        Assert.Equal(7, connection.Token);

        var received = new List<(ushort Opcode, string Body)>();
        var stamps = new List<(long Read, long Arrived)>();
        var ended = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var receiver = new EpollReceiver(1, 8, (c, opcode, body, readAt, arrivedAt) =>
        {
            lock (received)
            {
                received.Add((opcode, Convert.ToHexString(body)));
                stamps.Add((readAt, arrivedAt));
            }
        }, c => ended.TrySetResult(c.Failure));
        receiver.Add(connection);

        // Three packets: the first split inside its header, the second inside its body, the third in one piece with the rest.
        var cipher = MapleCipher.ServerSend(Gms83, _serverSendIv);
        var wire = new List<byte>();
        foreach (var body in new[] { "7B0001", "7D00AABBCCDDEEFF00112233", "140001020304" })
        {
            var bytes = Convert.FromHexString(body);
            var frame = new byte[bytes.Length + PacketHeader.Length];
            cipher.Encrypt(bytes, frame);
            wire.AddRange(frame);
        }

        var all = wire.ToArray();
        foreach (var (from, to) in new[] { (0, 2), (2, 10), (10, all.Length) })
        {
            server.Send(all.AsSpan(from, to - from));
            await Task.Delay(30);
        }

        await Eventually(() => { lock (received) return received.Count == 3; });
        lock (received)
        {
            Assert.Equal([(0x7B, "7B0001"), (0x7D, "7D00AABBCCDDEEFF00112233"), (0x14, "140001020304")], received);
            // A kernel arrival stamp (0 for the few segments before the kernel's deferred switch-on, see the test below),
            // turned into the read's clock: never after the read, and recent.
            Assert.All(stamps.Where(s => s.Arrived != 0), s => Assert.InRange(s.Read - s.Arrived, 0, System.Diagnostics.Stopwatch.Frequency * 5));
        }

        // The bot's own packet, as the server would decode it.
        Assert.True(connection.Send(0x29, Convert.FromHexString("01020304")));
        var buffer = new byte[64];
        var read = server.Receive(buffer);
        var serverReceive = MapleCipher.ServerReceive(Gms83, _serverReceiveIv);
        Assert.Equal(10, read);
        Assert.True(serverReceive.IsValidHeader(buffer.AsSpan(0, 4)));
        Assert.Equal(6, PacketHeader.ReadLength(buffer));
        var sent = buffer.AsSpan(4, 6).ToArray();
        serverReceive.Decrypt(sent);
        Assert.Equal("290001020304", Convert.ToHexString(sent));

        server.Shutdown(SocketShutdown.Both);
        Assert.Equal("closed by server", await ended.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_header_built_with_the_wrong_iv_ends_the_connection_with_its_reason()
    {
        if (!EpollSet.IsSupported)
            return; // see above

        var accepting = _listener.AcceptSocketAsync();
        var connecting = Task.Run(() => LoadConnection.Connect("127.0.0.1", Port, null, 0, TimeSpan.FromSeconds(5)));
        using var server = await accepting;
        server.Send(Hello.For(Gms83, _serverReceiveIv, _serverSendIv).ToArray());
        using var connection = await connecting;
        var ended = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var packets = 0;
        using var receiver = new EpollReceiver(2, 1, (_, _, _, _, _) => Interlocked.Increment(ref packets), c => ended.TrySetResult(c.Failure));
        receiver.Add(connection);

        var wrong = MapleCipher.ServerSend(Gms83, _serverSendIv.Next());
        var frame = new byte[7];
        wrong.Encrypt(Convert.FromHexString("7B0001"), frame);
        server.Send(frame);

        Assert.Equal("invalid header", await ended.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, Volatile.Read(ref packets));
        Assert.False(connection.Send(0x29, [1]));
    }

    [Fact]
    public void Send_times_match_only_the_sequence_stamped_in_each_slot()
    {
        var times = new SendTimes(3);
        Assert.False(times.TryGet(1, 0, out _)); // an empty slot matches nothing, not even sequence 0

        times.Stamp(1, 5, 123_456_789);
        times.Stamp(2, 5, 42);
        Assert.True(times.TryGet(1, 5, out var at));
        Assert.Equal(123_456_789, at);
        Assert.True(times.TryGet(2, 5, out at));
        Assert.Equal(42, at);
        Assert.False(times.TryGet(0, 5, out _));

        times.Stamp(1, 5 + SendTimes.Ring, 999); // a later lap reuses the slot
        Assert.False(times.TryGet(1, 5, out _));
        Assert.True(times.TryGet(1, 5 + SendTimes.Ring, out at));
        Assert.Equal(999, at);
        times.Stamp(0, ushort.MaxValue, 7);
        Assert.True(times.TryGet(0, ushort.MaxValue, out at));
        Assert.Equal(7, at);
    }

    [Fact]
    public void The_scheduler_keeps_each_jobs_rate_and_drops_a_job_whose_send_fails()
    {
        var scheduler = new MoveScheduler();
        var steady = 0;
        var failing = 0;
        scheduler.Add(50, () => { steady++; return true; });
        scheduler.Add(50, () => { failing++; return false; });
        scheduler.Run(TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.InRange(steady, 40, 51); // 50/s for 1 s, the first at a random point of the first period (a busy machine may cut the last)
        Assert.Equal(1, failing);
    }

    [Fact]
    public async Task A_timestamped_receive_reports_nothing_there_then_the_bytes_with_their_kernel_arrival_time()
    {
        if (!TimestampedReceive.IsSupported)
            return; // Linux only, like the epoll transport that uses it

        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var accepting = _listener.AcceptSocketAsync();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        using var server = await accepting;
        client.Blocking = false;
        var fd = (int)client.Handle;
        Assert.True(TimestampedReceive.Enable(fd));
        var buffer = new byte[16];

        Assert.True(TimestampedReceive.IsWouldBlock(TimestampedReceive.Receive(fd, buffer, out var none)));
        Assert.Equal(0, none);

        // The kernel turns stamping on a moment after the first socket asks (a deferred switch), so the first
        // segments of a process may come unstamped (0); within a few tries they are stamped.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        long arrival = 0;
        var before = DateTime.UtcNow;
        for (byte attempt = 1; arrival == 0; attempt++)
        {
            Assert.True(DateTime.UtcNow < deadline, "no stamped segment within 5 s");
            before = DateTime.UtcNow;
            server.Send([attempt, 2, 3]);
            int read;
            while (TimestampedReceive.IsWouldBlock(read = TimestampedReceive.Receive(fd, buffer, out arrival)))
            {
                Assert.True(DateTime.UtcNow < deadline, "no data within 5 s");
                await Task.Delay(5);
            }

            Assert.Equal(3, read);
            Assert.Equal(new byte[] { attempt, 2, 3 }, buffer[..3]);
            if (arrival == 0)
                await Task.Delay(20);
        }

        var arrivedAt = DateTime.UnixEpoch.AddTicks(arrival / 100);
        Assert.InRange(arrivedAt, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1)); // wall clock, as SO_TIMESTAMPNS gives it

        server.Shutdown(SocketShutdown.Both);
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        int end;
        while (TimestampedReceive.IsWouldBlock(end = TimestampedReceive.Receive(fd, buffer, out _)))
        {
            Assert.True(DateTime.UtcNow < deadline, "no end of stream within 5 s");
            await Task.Delay(5);
        }

        Assert.Equal(0, end); // the server's end of stream
    }

    public void Dispose() => _listener.Stop();

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition());
    }
}
