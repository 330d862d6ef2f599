using System.Buffers;
using System.Diagnostics;
using AtlasChannel.Networking.IoUring;
using AtlasChannel.Observability;
using AtlasChannel.Packets;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Sessions;

namespace AtlasChannel.Networking;

/// <summary>
/// The send side of one connection. Packets reach it through its <see cref="FlushShard"/>'s inbox and wait in a queue
/// only the shard's thread touches (<see cref="Accept"/>); that thread drains it, encrypts in send order and hands the
/// batch to the socket without waiting. Whatever the socket does not take is sent by an awaited send, during which the
/// shard leaves the writer be. Packets queued before the writer was attached wait in the session's own queue and go
/// first.
/// </summary>
internal sealed class SessionWriter : IOutboundSignal
{
    /// <summary>Batches one flush may send before the writer yields to the rest of its shard.</summary>
    private const int MaxBatchesPerFlush = 4;

    private readonly Session _session;
    private readonly IOutboundSink _sink;
    private readonly MapleCipher _cipher;
    private readonly FlushShard _shard;
    private readonly ChannelMetrics _metrics;
    private readonly PacketRing _queued = new(); // the shard thread's alone
    private SharedPacket? _carry; // taken off the queue but did not fit in the last batch
    private int _scheduled;       // 1 while the shard has it (incoming, waiting or flushing)
    private int _sending;         // 1 while an awaited send of a remainder is in flight
    private long _lastFlush;

    public SessionWriter(Session session, IOutboundSink sink, MapleCipher cipher, FlushShard shard, ChannelMetrics metrics)
    {
        _session = session;
        _sink = sink;
        _cipher = cipher;
        _shard = shard;
        _metrics = metrics;
    }

    /// <summary>When the last batch went out (a <see cref="Stopwatch"/> timestamp; 0 = never, or due at once).</summary>
    public long LastFlush => Volatile.Read(ref _lastFlush);

    /// <summary>The session's own queue gained packets, or the session closed; any thread.</summary>
    public void PacketsQueued()
    {
        if (TryMarkScheduled())
            _shard.Schedule(this);
    }

    /// <summary>Hands this writer one packet reference, which it consumes; any thread.</summary>
    public void Post(SharedPacket packet) => _shard.Post(this, packet);

    /// <summary>
    /// Takes a delivered packet into the queue (the shard's thread only). A closed session drops it; a full queue
    /// closes the session (its client is not reading). True when the writer just became scheduled, for the shard to put
    /// it on its heap.
    /// </summary>
    public bool Accept(SharedPacket packet)
    {
        if (_session.IsClosed)
        {
            packet.Release();
            return false;
        }

        if (_queued.Count >= _session.OutboundCapacity)
        {
            packet.Release();
            _session.Close($"outbound queue full ({_session.OutboundCapacity} packets): the client is not reading"); // schedules the writer, which drops the rest
            return false;
        }

        _queued.Add(packet);
        return TryMarkScheduled();
    }

    /// <summary>The shard refused a packet for this writer (its inbox is full): the reference goes back, the session goes; any thread.</summary>
    public void Refuse(SharedPacket packet, string reason)
    {
        packet.Release();
        _session.Close(reason);
    }

    private bool TryMarkScheduled() =>
        // A busy writer is already scheduled most of the time: read first, so the common case writes nothing.
        Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;

    /// <summary>
    /// Drains, encrypts and sends what is queued: through <paramref name="batched"/> when the shard has one and this
    /// connection is a socket, else straight from <paramref name="scratch"/> (at least
    /// <see cref="BatchedSender.SliceBytes"/> long). Runs on the shard's thread only.
    /// </summary>
    public void Flush(byte[] scratch, BatchedSender? batched)
    {
        Interlocked.Exchange(ref _scheduled, 0); // from here on, a new packet schedules the writer again
        if (Volatile.Read(ref _sending) == 1)
            return; // the in-flight send reschedules when it completes
        if (_session.IsClosed)
        {
            Discard();
            return;
        }

        if (_sink is SocketSink socket && batched is not null && batched.TryReserve(out var space))
        {
            FlushBatched(batched, socket, space);
            return;
        }

        for (var batch = 0; batch < MaxBatchesPerFlush; batch++)
        {
            var used = FillBatch(scratch, out var packets, out var more, out var oldest);
            if (used == 0)
                return;
            BatchFilled(packets, used, oldest);
            var sent = _sink.TrySend(scratch.AsSpan(0, used));
            if (sent < 0)
            {
                _session.Close("connection lost while sending");
                Discard();
                return;
            }

            if (sent < used)
            {
                SendRemainder(scratch.AsSpan(sent, used - sent));
                return;
            }

            if (!more)
                return;
        }

        Volatile.Write(ref _lastFlush, 0); // still more queued: due again at once, after the rest of the shard
        PacketsQueued();
    }

    /// <summary>
    /// One batch into the shard's round: sent with the other sessions' batches when the round completes
    /// (<see cref="BatchSent"/>). What did not fit goes in a later round.
    /// </summary>
    private void FlushBatched(BatchedSender batched, SocketSink socket, Span<byte> space)
    {
        var used = FillBatch(space, out var packets, out var more, out var oldest);
        if (used == 0)
            return;
        BatchFilled(packets, used, oldest);
        if (!batched.Queue(this, socket.Handle, used))
        {
            _session.Close("connection lost while sending");
            Discard();
            return;
        }

        if (more)
        {
            Volatile.Write(ref _lastFlush, 0); // due again at once, in the next round (after this one's sends)
            PacketsQueued();
        }
    }

    /// <summary>
    /// A batch is encrypted and about to be written (directly, or queued into the shard's io_uring round, whose submit
    /// follows within the round): counts it, records its oldest packet's wait and starts the pacing interval.
    /// </summary>
    private void BatchFilled(int packets, int bytes, long oldest)
    {
        var now = Stopwatch.GetTimestamp();
        _metrics.PacketsSent(packets, bytes);
        _metrics.QueueDelay(oldest, now);
        Volatile.Write(ref _lastFlush, now);
    }

    /// <summary>What the socket took of a batch queued by <see cref="FlushBatched"/>: a byte count, or −errno.</summary>
    public void BatchSent(int result, ReadOnlySpan<byte> batch)
    {
        if (result == batch.Length)
            return;
        if (result >= 0 || result == -IoUringNative.EAgain)
        {
            SendRemainder(batch[Math.Max(result, 0)..]); // the socket buffer is full: the rest waits for it
            return;
        }

        _session.Close("connection lost while sending");
        Discard();
    }

    /// <summary>A queued batch whose fate is unknown (the ring stalled): the stream can't continue.</summary>
    public void BatchLost()
    {
        _session.Close("sending stalled in the kernel");
        Discard();
    }

    /// <summary>Copies and encrypts queued packets into <paramref name="scratch"/> until it is full or the queue is empty.</summary>
    private int FillBatch(Span<byte> scratch, out int packets, out bool more, out long oldest)
    {
        var used = 0;
        packets = 0;
        more = false;
        oldest = 0;
        while (true)
        {
            var packet = _carry;
            if (packet is not null)
                _carry = null;
            else if (!_session.Outbound.TryRead(out packet) && !_queued.TryTake(out packet))
                return used;

            var wireLength = packet.Length + PacketHeader.Length; // at most SliceBytes, which an empty batch holds
            if (used + wireLength > scratch.Length)
            {
                _carry = packet; // Discard releases it if the throw below closes the session
                if (used == 0)
                    throw new InvalidOperationException($"a {wireLength}-byte packet is larger than a send batch");
                more = true;
                return used;
            }

            if (used == 0)
                oldest = packet.CreatedAt;
            var span = scratch.Slice(used, wireLength);
            var afterShanda = _cipher.UsesShanda && packet.HasShandaBody;
            (afterShanda ? packet.ShandaBody : packet.Body).CopyTo(span[PacketHeader.Length..]);
            packet.Release(); // after the copy: the last release hands the buffers back to the pool
            if (afterShanda)
                _cipher.EncryptAfterShandaInPlace(span);
            else
                _cipher.EncryptInPlace(span);
            used += wireLength;
            packets++;
        }
    }

    private void SendRemainder(ReadOnlySpan<byte> remainder)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(remainder.Length);
        remainder.CopyTo(buffer);
        Interlocked.Exchange(ref _sending, 1);
        _ = SendRemainderAsync(buffer, remainder.Length);
    }

    private async Task SendRemainderAsync(byte[] buffer, int length)
    {
        bool open;
        try
        {
            open = await _sink.SendAllAsync(buffer.AsMemory(0, length));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            open = false; // a transport that was completed underneath us; the session goes, the writer stays usable
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!open)
            _session.Close("connection lost while sending");
        Volatile.Write(ref _lastFlush, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _sending, 0);
        PacketsQueued(); // packets may have arrived meanwhile; only the shard's thread may look at its queue
    }

    /// <summary>The flush threw (a bug, not the network): the session goes, the shard carries on.</summary>
    public void Fail(Exception exception)
    {
        _session.Close("sending failed: " + exception.Message);
        Discard();
    }

    private void Discard()
    {
        _carry?.Release();
        _carry = null;
        while (_queued.TryTake(out var dropped))
            dropped.Release();
        _session.DrainOutbound();
    }
}
