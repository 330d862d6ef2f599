using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Networking.IoUring;

/// <summary>
/// A flusher thread's sends for one round, handed to the kernel in one system call: each writer encrypts its batch
/// into a slice of a pinned arena and queues it; <see cref="Complete"/> submits them all, waits for their
/// completions and tells each writer what its socket took. One <c>io_uring_enter</c> replaces one <c>send</c> (and
/// .NET's socket wrapper around it) per session: on a virtual machine, where a system call alone costs about a
/// microsecond, that is a third of what a small send costs.
/// </summary>
internal sealed partial class BatchedSender : IDisposable
{
    /// <summary>The largest wire packet (a 65,535-byte body and its header) fits in any reserved slice.</summary>
    public const int SliceBytes = ushort.MaxValue + Protocol.Crypto.PacketHeader.Length;

    private const int ArenaBytes = 1024 * 1024;
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(2);

    private readonly SendRing _ring;
    private readonly ILogger _logger;
    private readonly Queued[] _queued;
    private byte[] _arena = GC.AllocateArray<byte>(ArenaBytes, pinned: true);
    private int _arenaUsed;
    private int _count;

    private BatchedSender(SendRing ring, ILogger logger)
    {
        _ring = ring;
        _logger = logger;
        _queued = new Queued[ring.Capacity];
    }

    /// <summary>True once a round's sends did not all complete in time; the shard then sends directly.</summary>
    public bool IsBroken { get; private set; }

    public static BatchedSender? TryCreate(ILogger logger, out string? failure)
    {
        var ring = SendRing.TryCreate(256, out failure);
        return ring is null ? null : new BatchedSender(ring, logger);
    }

    /// <summary>
    /// Space for one batch (at least <see cref="SliceBytes"/>); completes the round so far when the arena or the ring
    /// is full. False once the ring is broken: the caller sends directly.
    /// </summary>
    public bool TryReserve(out Span<byte> space)
    {
        if (!IsBroken && (_count == _queued.Length || ArenaBytes - _arenaUsed < SliceBytes))
            Complete();
        space = IsBroken ? default : _arena.AsSpan(_arenaUsed, SliceBytes);
        return !IsBroken;
    }

    /// <summary>
    /// Queues the first <paramref name="length"/> bytes of the last reserved slice for <paramref name="writer"/>'s
    /// socket. False when the socket is already closed (nothing is queued then).
    /// </summary>
    public unsafe bool Queue(SessionWriter writer, SafeHandle socket, int length)
    {
        var added = false;
        try
        {
            socket.DangerousAddRef(ref added); // the descriptor stays this socket's until the completion is read
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        var fd = (int)socket.DangerousGetHandle();
        fixed (byte* arena = _arena)
        {
            if (!_ring.TryQueueSend(fd, arena + _arenaUsed, length, (ulong)_count))
            {
                socket.DangerousRelease();
                throw new InvalidOperationException("TryReserve keeps a ring entry free for every queued send");
            }
        }

        _queued[_count++] = new Queued(writer, socket, _arenaUsed, length);
        _arenaUsed += length;
        return true;
    }

    /// <summary>Submits the round's sends, waits for them and reports each result to its writer.</summary>
    public void Complete()
    {
        if (_count == 0)
            return;
        bool finished;
        try
        {
            finished = _ring.SubmitAndWait(CompletionTimeout);
        }
        catch (IOException ex)
        {
            LogSubmitFailed(_logger, ex); // what was submitted before the failure is unknown: handled as a stall
            finished = false;
        }

        var reported = 0;
        while (_ring.TryReap(out var index, out var result))
        {
            ref var queued = ref _queued[(int)index];
            queued.Socket.DangerousRelease();
            queued.Writer.BatchSent(result, _arena.AsSpan(queued.Offset, queued.Length));
            queued = default;
            reported++;
        }

        if (!finished)
            Abandon(reported);
        _count = 0;
        _arenaUsed = 0;
    }

    /// <summary>
    /// Sends whose fate is unknown (the ring stalled past the timeout, or a submission failed): their sessions can't
    /// know what was sent, so they are closed and the shard stops using the ring. The ring is shut down, which makes the
    /// kernel cancel whatever it still holds (a request keeps its own reference to the socket's file). The sockets'
    /// handle references are given back only after a grace period, so a request the kernel had not yet tied to its
    /// file can't meet a reused descriptor number; until then the sessions' connections wait in their close (a
    /// referenced handle can't be disposed). The arena is kept for good: a cancelled request may still be reading it.
    /// </summary>
    private void Abandon(int reported)
    {
        LogRingStalled(_logger, _count - reported);
        var sockets = new List<SafeHandle>();
        foreach (ref var queued in _queued.AsSpan(0, _count))
        {
            if (queued.Writer is null)
                continue;
            queued.Writer.BatchLost();
            sockets.Add(queued.Socket);
            queued = default;
        }

        IsBroken = true;
        _ring.Dispose();
        _ = ReleaseLaterAsync(sockets);
        lock (Stalled)
            Stalled.Add(_arena);
        _arena = GC.AllocateArray<byte>(ArenaBytes, pinned: true);
    }

    private static async Task ReleaseLaterAsync(List<SafeHandle> sockets)
    {
        await Task.Delay(CompletionTimeout).ConfigureAwait(false);
        foreach (var socket in sockets)
            socket.DangerousRelease();
    }

    public void Dispose() => _ring.Dispose(); // idempotent: an abandoned round already shut it down

    /// <summary>Arenas an abandoned round's cancelled sends may still read, kept alive for the life of the process.</summary>
    private static readonly List<byte[]> Stalled = [];

    private record struct Queued(SessionWriter Writer, SafeHandle Socket, int Offset, int Length);

    [LoggerMessage(Level = LogLevel.Error, Message = "io_uring submission failed")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} io_uring sends were left without a completion (2 s timeout or a failed submission); their sessions are closed, the ring is shut down and this flusher thread now sends directly")]
    private static partial void LogRingStalled(ILogger logger, int count);
}
