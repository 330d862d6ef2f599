using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace AtlasChannel.Tool.Load.Epoll;

/// <summary>
/// One Linux epoll instance (level-triggered): sockets are added with a token and waited on in batches. The load
/// tool's own receive engine uses it so that one readiness event costs exactly one <c>recv</c>, with no async
/// machinery between the kernel and the bot.
/// </summary>
internal sealed partial class EpollSet : IDisposable
{
    private const int ReadableOrClosed = 0x001 | 0x008 | 0x010 | 0x2000; // EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP
    private const int ControlAdd = 1;
    private const int ControlDelete = 2;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4; // EINTR

    // struct epoll_event { uint32 events; uint64 data; } is packed on x86-64 only.
    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = EventSize == 12 ? 4 : 8;

    private readonly int _fd;
    private readonly byte[] _events;
    private bool _disposed;

    public EpollSet(int batch = 256)
    {
        if (!IsSupported)
            throw new PlatformNotSupportedException("epoll needs Linux on x86-64 or arm64");
        _fd = EpollCreate(CloseOnExec);
        if (_fd < 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "epoll_create1 failed");
        _events = new byte[batch * EventSize];
    }

    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    public void Add(int fd, int token)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(ev, ReadableOrClosed);
        BinaryPrimitives.WriteInt64LittleEndian(ev[DataOffset..], token);
        if (EpollControl(_fd, ControlAdd, fd, ref MemoryMarshal.GetReference(ev)) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "epoll_ctl(ADD) failed");
    }

    /// <summary>Stops watching <paramref name="fd"/>; a socket that is already closed has left the set by itself.</summary>
    public void Remove(int fd)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        _ = EpollControl(_fd, ControlDelete, fd, ref MemoryMarshal.GetReference(ev));
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for ready sockets; returns how many tokens <see cref="TokenAt"/> can read.</summary>
    public int Wait(int timeoutMs)
    {
        var ready = EpollWait(_fd, ref _events[0], _events.Length / EventSize, timeoutMs);
        if (ready >= 0)
            return ready;
        var errno = Marshal.GetLastPInvokeError();
        return errno == Interrupted ? 0 : throw new Win32Exception(errno, "epoll_wait failed");
    }

    public int TokenAt(int index) => (int)BinaryPrimitives.ReadInt64LittleEndian(_events.AsSpan((index * EventSize) + DataOffset));

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _ = Close(_fd);
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollControl(int epfd, int op, int fd, ref byte ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epfd, ref byte events, int maxEvents, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
