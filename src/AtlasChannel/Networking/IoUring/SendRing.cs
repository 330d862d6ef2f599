using System.Runtime.InteropServices;
using static AtlasChannel.Networking.IoUring.IoUringNative;

namespace AtlasChannel.Networking.IoUring;

/// <summary>
/// One io_uring instance used only for non-blocking socket sends, by one thread. Sends are queued, then submitted
/// together with a single <c>io_uring_enter</c> that also waits for their completions. With MSG_DONTWAIT the kernel
/// never parks a send: each completes inside that call with the bytes taken (possibly fewer) or -EAGAIN, so the
/// caller's buffers are free again when <see cref="SubmitAndWait"/> returns.
/// </summary>
internal sealed unsafe class SendRing : IDisposable
{
    private readonly int _fd;
    private readonly nint _ringMemory;
    private readonly nuint _ringLength;
    private readonly nint _entryMemory;
    private readonly nuint _entryLength;
    private readonly uint* _sqTail;
    private readonly uint _sqMask;
    private readonly uint* _sqArray;
    private readonly SubmissionEntry* _sqes;
    private readonly uint* _cqHead;
    private readonly uint* _cqTail;
    private readonly uint _cqMask;
    private readonly CompletionEntry* _cqes;
    private uint _localTail;
    private int _queued;   // written to the ring, not yet submitted
    private int _inFlight; // submitted, completion not yet reaped
    private bool _disposed;

    private SendRing(int fd, in Params parameters, nint ringMemory, nuint ringLength, nint entryMemory, nuint entryLength)
    {
        _fd = fd;
        _ringMemory = ringMemory;
        _ringLength = ringLength;
        _entryMemory = entryMemory;
        _entryLength = entryLength;
        var ring = (byte*)ringMemory;
        _sqTail = (uint*)(ring + parameters.SqOff.Tail);
        _sqMask = *(uint*)(ring + parameters.SqOff.RingMask);
        _sqArray = (uint*)(ring + parameters.SqOff.Array);
        _cqHead = (uint*)(ring + parameters.CqOff.Head);
        _cqTail = (uint*)(ring + parameters.CqOff.Tail);
        _cqMask = *(uint*)(ring + parameters.CqOff.RingMask);
        _cqes = (CompletionEntry*)(ring + parameters.CqOff.Cqes);
        _sqes = (SubmissionEntry*)entryMemory;
        Capacity = (int)parameters.SqEntries;
        _localTail = Volatile.Read(ref *_sqTail);
    }

    /// <summary>Sends that can be queued before a submit.</summary>
    public int Capacity { get; }

    /// <summary>
    /// A ring of <paramref name="entries"/> sends, or null with the reason when this kernel (or a seccomp profile, as
    /// in Docker's default) refuses io_uring or lacks what the ring needs.
    /// </summary>
    public static SendRing? TryCreate(uint entries, out string? failure)
    {
        failure = null;
        if (!IsSupported)
        {
            failure = "io_uring needs Linux on x86-64 or arm64";
            return null;
        }

        Params parameters = default;
        var fd = (int)Setup(SetupSyscall, entries, &parameters);
        if (fd < 0)
        {
            failure = $"io_uring_setup failed (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }

        if ((parameters.Features & FeatureSingleMmap) == 0 || (parameters.Features & FeatureExtArg) == 0)
        {
            _ = Close(fd);
            failure = "the kernel's io_uring lacks single-mmap rings or timed waits (needs Linux 5.11 or later)";
            return null;
        }

        var sqLength = parameters.SqOff.Array + (parameters.SqEntries * sizeof(uint));
        var cqLength = parameters.CqOff.Cqes + (parameters.CqEntries * (uint)sizeof(CompletionEntry));
        var ringLength = (nuint)Math.Max(sqLength, cqLength);
        var ring = Map(0, ringLength, ProtRead | ProtWrite, MapShared | MapPopulate, fd, OffSqRing);
        if (ring == -1)
        {
            failure = $"mapping the io_uring rings failed (errno {Marshal.GetLastPInvokeError()})";
            _ = Close(fd);
            return null;
        }

        var entryLength = (nuint)(parameters.SqEntries * (uint)sizeof(SubmissionEntry));
        var sqes = Map(0, entryLength, ProtRead | ProtWrite, MapShared | MapPopulate, fd, OffSqes);
        if (sqes == -1)
        {
            failure = $"mapping the io_uring entries failed (errno {Marshal.GetLastPInvokeError()})";
            _ = Unmap(ring, ringLength);
            _ = Close(fd);
            return null;
        }

        return new SendRing(fd, parameters, ring, ringLength, sqes, entryLength);
    }

    /// <summary>Queues a send of <paramref name="length"/> bytes at <paramref name="address"/>; false when the ring is full (submit first).</summary>
    public bool TryQueueSend(int socketFd, byte* address, int length, ulong userData)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_queued + _inFlight >= Capacity)
            return false;
        var index = _localTail & _sqMask;
        var entry = _sqes + index;
        *entry = default;
        entry->Opcode = OpSend;
        entry->Fd = socketFd;
        entry->Address = (ulong)address;
        entry->Length = (uint)length;
        entry->MsgFlags = MsgDontWait | MsgNoSignal;
        entry->UserData = userData;
        _sqArray[index] = index;
        _localTail++;
        _queued++;
        return true;
    }

    /// <summary>
    /// Submits what is queued and waits (at most <paramref name="timeout"/>) until every submitted send has completed;
    /// true when none is left in flight. The completions are then read with <see cref="TryReap"/>.
    /// </summary>
    public bool SubmitAndWait(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Volatile.Write(ref *_sqTail, _localTail); // release: the entries are visible before the tail that publishes them
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (_queued > 0 || Ready() < _inFlight)
        {
            var remainingMs = Math.Max(0, deadline - Environment.TickCount64);
            KernelTimespec wait = new() { Seconds = remainingMs / 1000, Nanoseconds = remainingMs % 1000 * 1_000_000 };
            GetEventsArg arg = new() { Timespec = (ulong)&wait };
            var minimum = (uint)(_queued + _inFlight);
            var submitted = Enter(EnterSyscall, _fd, (uint)_queued, minimum, EnterGetEvents | EnterExtArg, &arg, (nuint)sizeof(GetEventsArg));
            if (submitted < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == ETime)
                    return false;
                if (errno is EIntr or EAgain)
                    continue;
                throw new IOException($"io_uring_enter failed (errno {errno})");
            }

            _queued -= (int)submitted;
            _inFlight += (int)submitted;
            if (remainingMs == 0 && (_queued > 0 || Ready() < _inFlight))
                return false;
        }

        return true;
    }

    /// <summary>The next completion: the send's user data and its result (bytes sent, or −errno).</summary>
    public bool TryReap(out ulong userData, out int result)
    {
        var head = *_cqHead;
        if (head == Volatile.Read(ref *_cqTail)) // acquire: the entry is complete once the tail shows it
        {
            userData = 0;
            result = 0;
            return false;
        }

        var entry = _cqes + (head & _cqMask);
        userData = entry->UserData;
        result = entry->Result;
        Volatile.Write(ref *_cqHead, head + 1);
        _inFlight--;
        return true;
    }

    private int Ready() => (int)(Volatile.Read(ref *_cqTail) - *_cqHead);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _ = Unmap(_entryMemory, _entryLength);
        _ = Unmap(_ringMemory, _ringLength);
        _ = Close(_fd);
    }
}
