using AtlasChannel.Networking;
using AtlasChannel.Observability;
using AtlasChannel.Packets;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Networking;

public sealed class OutboundFlusherTests : IDisposable
{
    private static readonly MapleIv SendIv = MapleIv.FromHex("523078E9");
    private readonly ChannelMetrics _metrics = new();
    private readonly List<OutboundFlusher> _flushers = [];
    private readonly Tenancy.ChannelServer _server = TestSessions.Server(TestSessions.TenantA);

    [Fact]
    public async Task Packets_queued_before_and_after_attach_arrive_encrypted_in_queue_order()
    {
        var session = TestSessions.Create(_server);
        var sink = new RecordingSink();
        Send(session, 1, 2, 3);
        Attach(TimeSpan.Zero, session, sink);
        Send(session, 4, 5);

        await Eventually(() => Decoded(sink).Count == 5);
        Assert.Equal(Bodies(1, 2, 3, 4, 5), sink.DecodeAll(_server.Version, SendIv, out var whole));
        Assert.True(whole);
    }

    [Fact]
    public async Task A_quiet_session_is_sent_at_once_even_with_a_long_interval()
    {
        var session = TestSessions.Create(_server);
        var sink = new RecordingSink();
        Attach(TimeSpan.FromSeconds(30), session, sink);

        Send(session, 7);
        await sink.WaitForWritesAsync(1); // a 30 s interval would time this out if the first send were held

        Assert.Equal(Bodies(7), Decoded(sink));
    }

    [Fact]
    public async Task A_busy_session_waits_out_the_interval_then_sends_its_backlog_in_one_write()
    {
        var interval = TimeSpan.FromMilliseconds(300);
        var session = TestSessions.Create(_server);
        var sink = new RecordingSink();
        Attach(interval, session, sink);

        Send(session, 1);
        // Waited for on this thread, not by an await: a continuation queued behind other tests' work on a busy thread
        // pool could resume after the interval, and the backlog would then rightly go out piecemeal.
        Assert.True(SpinWait.SpinUntil(() => sink.Writes.Count >= 1, TimeSpan.FromSeconds(10)));
        Send(session, 2, 3, 4);
        await sink.WaitForWritesAsync(2);
        var waited = System.Diagnostics.Stopwatch.GetElapsedTime(sink.WrittenAt[0], sink.WrittenAt[1]); // the writes' own times: this thread may wake late

        Assert.Equal(2, sink.Writes.Count);
        Assert.Equal(Bodies(1, 2, 3, 4), Decoded(sink));
        Assert.True(waited >= interval - TimeSpan.FromMilliseconds(20), $"the backlog went out after {waited.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_packet_for_a_session_waiting_out_its_interval_leaves_the_thread_asleep_and_one_for_a_quiet_session_wakes_it()
    {
        var flusher = new OutboundFlusher(TimeSpan.FromSeconds(3), threads: 1, _metrics, NullLogger.Instance);
        _flushers.Add(flusher);
        var shard = flusher.Shards[0];
        var busy = TestSessions.Create(_server);
        var busySink = new RecordingSink();
        var quiet = TestSessions.Create(_server);
        var quietSink = new RecordingSink();
        flusher.Attach(busy, busySink, MapleCipher.ServerSend(_server.Version, SendIv));
        flusher.Attach(quiet, quietSink, MapleCipher.ServerSend(_server.Version, SendIv));

        Send(busy, 1);
        Assert.True(SpinWait.SpinUntil(() => busySink.Writes.Count >= 1, TimeSpan.FromSeconds(10)));
        Send(busy, 2); // due 3 s after the first write (a margin for a loaded machine): the thread, asleep with nothing due, wakes to note that
        Assert.True(SpinWait.SpinUntil(() => shard.IsSleepingUntilDue, TimeSpan.FromSeconds(10)));

        var wakes = shard.WakesSignalled;
        Send(busy, 3);
        Assert.Equal(wakes, shard.WakesSignalled); // due no sooner than the thread's own wake-up
        Send(quiet, 9);
        Assert.Equal(wakes + 1, shard.WakesSignalled); // due at once

        await quietSink.WaitForWritesAsync(1);
        await busySink.WaitForWritesAsync(2);
        Assert.True(quietSink.WrittenAt[0] < busySink.WrittenAt[1], "the quiet session was sent before the busy one's slot");
        Assert.Equal(Bodies(9), Decoded(quietSink));
        Assert.Equal(Bodies(1, 2, 3), Decoded(busySink));
        Assert.Equal(2, busySink.Writes.Count);
    }

    [Fact]
    public async Task Bytes_the_socket_does_not_take_go_by_an_awaited_send_and_nothing_overtakes_them()
    {
        var session = TestSessions.Create(_server);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new RecordingSink { TryLimit = 7, HoldAwaited = hold };
        Attach(TimeSpan.Zero, session, sink);

        Send(session, 1, 2);
        await sink.WaitForWritesAsync(1); // the 7-byte try
        Send(session, 3, 4); // queued while the rest of 1 and 2 is in flight
        await Task.Delay(50);
        Assert.Single(sink.Writes);

        sink.TryLimit = null;
        hold.SetResult();
        await Eventually(() => Decoded(sink).Count == 4);

        Assert.Equal(Bodies(1, 2, 3, 4), sink.DecodeAll(_server.Version, SendIv, out var whole));
        Assert.True(whole);
        Assert.Equal([false, true, false], sink.Writes.Select(w => w.Awaited));
        Assert.Equal(7, sink.Writes[0].Bytes.Length);
    }

    [Fact]
    public async Task A_client_that_stops_reading_fills_its_queue_and_only_its_session_is_closed()
    {
        var stalled = TestSessions.Create(_server, capacity: 8);
        var stalledSink = new RecordingSink { TryLimit = 0, HoldAwaited = new TaskCompletionSource() }; // never completes
        var healthy = TestSessions.Create(_server, capacity: 8);
        var healthySink = new RecordingSink();
        Attach(TimeSpan.Zero, stalled, stalledSink);
        Attach(TimeSpan.Zero, healthy, healthySink);

        Send(stalled, 1); // taken off the queue, then stuck in the awaited send
        await Eventually(() => stalledSink.AwaitedStarted == 1);
        for (var i = 0; i < 8; i++)
            Assert.True(stalled.Send("CharacterMovement", i, WriteMarker)); // the writer holds these: its capacity
        Assert.True(stalled.Send("CharacterMovement", 99, WriteMarker), "handed to the writer, whose thread finds the queue full");
        Send(healthy, 5);

        await Eventually(() => stalled.IsClosed);
        Assert.Contains("outbound queue full (8 packets)", stalled.CloseReason, StringComparison.Ordinal);
        Assert.False(stalled.Send("CharacterMovement", 100, WriteMarker), "a closed session takes nothing more");
        await Eventually(() => Decoded(healthySink).Count == 1);
        Assert.False(healthy.IsClosed);
    }

    [Fact]
    public async Task A_lost_connection_closes_the_session_and_drops_its_queue()
    {
        var session = TestSessions.Create(_server);
        var sink = new RecordingSink { TryLimit = -1 };
        Send(session, 1, 2, 3);
        Attach(TimeSpan.Zero, session, sink);

        await Eventually(() => session.IsClosed);
        Assert.Contains("connection lost while sending", session.CloseReason, StringComparison.Ordinal);
        await Eventually(() => session.Outbound.IsEmpty);
        Assert.Empty(sink.Writes);
        Assert.False(session.Send("CharacterMovement", 9, WriteMarker), "a closed session takes nothing more");
    }

    [Fact]
    public async Task A_session_closed_with_packets_queued_sends_none_of_them()
    {
        var session = TestSessions.Create(_server);
        var sink = new RecordingSink();
        Send(session, 1, 2);
        session.Close("test");
        Attach(TimeSpan.Zero, session, sink);

        await Eventually(() => session.Outbound.IsEmpty);
        Assert.Empty(sink.Writes);
    }

    [Fact]
    public async Task A_backlog_of_many_batches_is_sent_in_order_without_waiting_for_the_interval()
    {
        var session = TestSessions.Create(_server, capacity: 4096);
        var sink = new RecordingSink();
        var big = new byte[20_000];
        for (var i = 0; i < 20; i++) // 400 KB: more batches than one flush sends, so the writer must come back at once
        {
            big[0] = (byte)i;
            session.Send("CharacterMovement", big, static (w, in _, b) => w.WriteBytes(b));
        }

        Attach(TimeSpan.FromSeconds(30), session, sink); // the backlog is sent at once: it is more than one batch, not a second flush

        await Eventually(() => Decoded(sink).Count == 20);
        var bodies = Decoded(sink);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), bodies.Select(b => b[2]));
        Assert.True(sink.Writes.Count > 1);
    }

    [Fact]
    public async Task Sessions_on_several_flusher_threads_each_get_exactly_their_own_packets()
    {
        var pairs = AttachSessions(6, TimeSpan.FromMilliseconds(5), threads: 3, capacity: 1024);

        await Task.WhenAll(pairs.Select((p, n) => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
                p.Session.Send("CharacterMovement", (n, i), static (w, in _, s) => w.WriteInt32(s.n).WriteInt32(s.i));
        })));

        foreach (var (n, (session, sink)) in pairs.Index())
        {
            await Eventually(() => Decoded(sink).Count == 200);
            var expected = Enumerable.Range(0, 200).Select(i => (n, i));
            Assert.Equal(expected, Decoded(sink).Select(b => (BitConverter.ToInt32(b, 2), BitConverter.ToInt32(b, 6))));
        }
    }

    [Fact]
    public async Task A_fanned_out_packet_decodes_exactly_for_every_recipient_each_with_its_own_iv()
    {
        var ivs = new[] { SendIv, MapleIv.FromHex("01020304"), MapleIv.FromHex("A1B2C3D4") };
        var flusher = new OutboundFlusher(TimeSpan.Zero, threads: 2, _metrics, NullLogger.Instance);
        _flushers.Add(flusher);
        var recipients = ivs.Select(_ => (Session: TestSessions.Create(_server, capacity: 1024), Sink: new RecordingSink())).ToList();
        foreach (var (recipient, iv) in recipients.Zip(ivs))
            flusher.Attach(recipient.Session, recipient.Sink, MapleCipher.ServerSend(_server.Version, iv));

        var sessions = recipients.Select(r => r.Session).ToArray();
        for (var i = 0; i < 40; i++)
            Assert.Equal(3, Fanout.SendTo<int>(sessions, "CharacterMovement", i * 1000, WriteMarker));

        foreach (var (recipient, iv) in recipients.Zip(ivs))
        {
            await Eventually(() => recipient.Sink.DecodeAll(_server.Version, iv).Count == 40);
            Assert.Equal(Bodies([.. Enumerable.Range(0, 40).Select(i => i * 1000)]), recipient.Sink.DecodeAll(_server.Version, iv));
        }
    }

    [Fact]
    public async Task Fan_outs_and_direct_sends_to_sessions_on_several_threads_arrive_in_each_senders_order()
    {
        var recipients = AttachSessions(7, TimeSpan.FromMilliseconds(2), threads: 3, capacity: 4096);
        var sessions = recipients.Select(r => r.Session).ToArray();

        var expected = recipients.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(6, Fanout.SendTo<int>(sessions, "CharacterMovement", i, WriteMarker, except: sessions[i % 7]));
            var direct = i % 7;
            Send(sessions[direct], 100_000 + i); // a reply to one player between two broadcasts keeps its place
            for (var n = 0; n < 7; n++)
            {
                if (n != i % 7)
                    expected[n].Add(i);
                if (n == direct)
                    expected[n].Add(100_000 + i);
            }
        }

        foreach (var (n, (session, sink)) in recipients.Index())
        {
            await Eventually(() => Decoded(sink).Count == expected[n].Count);
            Assert.Equal(Bodies([.. expected[n]]), Decoded(sink));
            Assert.False(session.IsClosed);
        }
    }

    [Fact]
    public async Task A_fan_out_reaches_the_open_recipients_on_every_thread_and_not_a_closed_one()
    {
        var recipients = AttachSessions(4, TimeSpan.Zero, threads: 2);
        recipients[2].Session.Close("test");

        Assert.Equal(3, Fanout.SendTo<int>([.. recipients.Select(r => r.Session)], "CharacterMovement", 77, WriteMarker));

        foreach (var (session, sink) in recipients.Where(r => !r.Session.IsClosed))
            await Eventually(() => Decoded(sink).Count == 1);
        Assert.All(recipients.Where(r => !r.Session.IsClosed), r => Assert.Equal(Bodies(77), Decoded(r.Sink)));
        Assert.Empty(recipients[2].Sink.Writes);
    }

    [Fact]
    public async Task Each_writer_releases_its_reference_once_the_packet_is_sent_or_dropped()
    {
        var recipients = AttachSessions(3, TimeSpan.Zero, threads: 2);
        var packet = SharedPacket.Create(Bodies(77)[0], "CharacterMovement", 0);
        packet.AddReferences(3); // one per recipient, as a fan-out takes them
        recipients[2].Session.Close("test"); // a closed session hands its reference straight back

        foreach (var (session, _) in recipients)
            session.EnqueueOwned(packet);

        await Eventually(() => Decoded(recipients[0].Sink).Count == 1 && Decoded(recipients[1].Sink).Count == 1);
        await Eventually(() => packet.References == 1); // only the creator's is left
        Assert.Empty(recipients[2].Sink.Writes);
        packet.Release();
    }

    [Fact]
    public async Task A_fan_out_started_while_another_is_handing_out_its_packet_leaves_both_intact()
    {
        var recipients = AttachSessions(4, TimeSpan.Zero, threads: 2);
        var targets = recipients.Select(r => r.Session).ToArray();
        Assert.Equal(4, Fanout.SendTo<int>(targets, "CharacterMovement", 0, WriteMarker)); // this thread's fan-out scratch now exists

        // A session with no writer and a full queue: the outer fan-out's packet closes it, and its transport, while
        // being aborted, runs a fan-out of its own on the same thread (as a close handler running inline would).
        var full = new Session(Guid.NewGuid(), _server, new PacketEncoder(_server.Opcodes), 1, TimeProvider.System, NullLogger.Instance);
        full.Attach(new InlineFanoutTransport(() => Fanout.SendTo<int>(targets, "CharacterMovement", 2, WriteMarker)));
        Send(full, 0);

        Assert.Equal(4, Fanout.SendTo<int>([targets[0], targets[1], full, targets[2], targets[3]], "CharacterMovement", 1, WriteMarker));

        Assert.True(full.IsClosed);
        foreach (var (_, sink) in recipients)
        {
            await Eventually(() => Decoded(sink).Count == 3);
            Assert.Equal(Bodies(0, 2, 1), Decoded(sink)); // the inner fan-out was posted first; each exactly once
        }
    }

    [Fact]
    public void A_thread_whose_inbox_is_full_refuses_new_packets_and_disconnects_only_their_recipients()
    {
        var recipients = AttachUnstarted(3, inboxCapacity: 2);
        var targets = recipients.Select(r => r.Session).ToArray();
        Assert.Equal(3, Fanout.SendTo<int>(targets, "CharacterMovement", 1, WriteMarker)); // one entry for all three
        Send(targets[0], 2);                                                              // the second: full now
        var refused = SharedPacket.Create(Bodies(3)[0], "CharacterMovement", 0);
        refused.AddReferences(1); // the recipient's, as a fan-out takes it

        targets[1].EnqueueOwned(refused);

        Assert.True(targets[1].IsClosed);
        Assert.Contains("packets behind", targets[1].CloseReason, StringComparison.Ordinal);
        Assert.Equal(1, refused.References); // the recipient's reference came straight back; the creator's is left
        Assert.False(targets[0].IsClosed);
        Assert.False(targets[2].IsClosed);

        _flushers[^1].RunRounds(); // the thread catches up: what it accepted goes out, in order

        Assert.Equal(Bodies(1, 2), Decoded(recipients[0].Sink));
        Assert.Equal(Bodies(1), Decoded(recipients[2].Sink));
        Assert.Empty(recipients[1].Sink.Writes);
        Send(targets[2], 4); // room again
        _flushers[^1].RunRounds();
        Assert.Equal(Bodies(1, 4), Decoded(recipients[2].Sink));
        refused.Release();
    }

    [Fact]
    public void A_refused_fan_out_disconnects_every_recipient_of_that_thread_and_hands_back_each_reference()
    {
        var recipients = AttachUnstarted(3, inboxCapacity: 1);
        var targets = recipients.Select(r => r.Session).ToArray();
        Send(targets[0], 1); // fills the inbox

        var packet = SharedPacket.Create(Bodies(2)[0], "CharacterMovement", 0);
        packet.AddReferences(2);
        var shard = targets[1].Route!.Shard;
        var batch = shard.RentBatch();
        batch.Add(targets[1].Route!.Writer);
        batch.Add(targets[2].Route!.Writer);
        shard.Post(batch, packet);

        Assert.True(targets[1].IsClosed);
        Assert.True(targets[2].IsClosed);
        Assert.False(targets[0].IsClosed);
        Assert.Equal(1, packet.References);
        Assert.Equal(0, batch.Count); // back in the pool, holding no writer
        _flushers[^1].RunRounds();
        Assert.Equal(Bodies(1), Decoded(recipients[0].Sink));
        packet.Release();
    }

    private sealed class InlineFanoutTransport(Action onAbort) : ISessionTransport
    {
        public string RemoteEndPoint => "test";

        public void Abort(string reason) => onAbort();
    }

    /// <summary><paramref name="count"/> sessions, each with a recording sink, on one new flusher (all with <see cref="SendIv"/>).</summary>
    private List<(Session Session, RecordingSink Sink)> AttachSessions(int count, TimeSpan interval, int threads, int capacity = 64)
    {
        var flusher = new OutboundFlusher(interval, threads, _metrics, NullLogger.Instance);
        _flushers.Add(flusher);
        var sessions = Enumerable.Range(0, count).Select(_ => (Session: TestSessions.Create(_server, capacity), Sink: new RecordingSink())).ToList();
        foreach (var (session, sink) in sessions)
            flusher.Attach(session, sink, MapleCipher.ServerSend(_server.Version, SendIv));
        return sessions;
    }

    /// <summary>Like <see cref="AttachSessions"/>, on one flusher thread whose rounds the test runs (<see cref="OutboundFlusher.RunRounds"/>).</summary>
    private List<(Session Session, RecordingSink Sink)> AttachUnstarted(int count, int inboxCapacity)
    {
        var flusher = new OutboundFlusher(TimeSpan.Zero, threads: 1, _metrics, NullLogger.Instance, ioUring: false, ownThreads: false, inboxCapacity);
        _flushers.Add(flusher);
        var sessions = Enumerable.Range(0, count).Select(_ => (Session: TestSessions.Create(_server), Sink: new RecordingSink())).ToList();
        foreach (var (session, sink) in sessions)
            flusher.Attach(session, sink, MapleCipher.ServerSend(_server.Version, SendIv));
        return sessions;
    }

    private void Attach(TimeSpan interval, Session session, RecordingSink sink)
    {
        var flusher = new OutboundFlusher(interval, threads: 1, _metrics, NullLogger.Instance);
        _flushers.Add(flusher);
        flusher.Attach(session, sink, MapleCipher.ServerSend(_server.Version, SendIv));
    }

    private static void Send(Session session, params int[] markers)
    {
        foreach (var marker in markers)
            Assert.True(session.Send("CharacterMovement", marker, WriteMarker));
    }

    private static void WriteMarker(Protocol.Packets.PacketWriter writer, in WriterContext context, int marker) => writer.WriteInt32(marker);

    private List<byte[]> Bodies(params int[] markers) =>
        [.. markers.Select(m => TestSessions.Create(_server).Encoder.EncodeToArray("CharacterMovement", m, WriteMarker)!)];

    private List<byte[]> Decoded(RecordingSink sink) => sink.DecodeAll(_server.Version, SendIv);

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        foreach (var flusher in _flushers)
            flusher.Dispose();
        _metrics.Dispose();
    }
}
