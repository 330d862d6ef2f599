using System.Runtime.InteropServices;

namespace AtlasChannel.Tool.Load.Epoll;

/// <summary>
/// <c>recv</c> that also returns when the kernel queued the bytes on the socket (<c>SO_TIMESTAMPNS</c>): for TCP the
/// arrival of the last segment read. The load tool uses it to tell the server's share of a relay's latency (until the
/// bytes reach the bot's socket) from its own (until a receive thread gets round to reading them), since both share
/// the machine's cores.
/// </summary>
internal static unsafe partial class TimestampedReceive
{
    private const int SocketLevel = 1;    // SOL_SOCKET
    private const int TimestampNs = 35;   // SO_TIMESTAMPNS = SCM_TIMESTAMPNS
    private const int WouldBlock = 11;    // EAGAIN
    private const int Interrupted = 4;    // EINTR
    private const int DontWait = 0x40;    // MSG_DONTWAIT

    public static bool IsSupported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>Asks the kernel to stamp what <paramref name="fd"/> receives; false where it can't.</summary>
    public static bool Enable(int fd)
    {
        if (!IsSupported)
            return false;
        var on = 1;
        return SetSocketOption(fd, SocketLevel, TimestampNs, &on, sizeof(int)) == 0;
    }

    /// <summary>
    /// One non-blocking read into <paramref name="buffer"/>: bytes read (0 = closed), or −errno (−EAGAIN: nothing
    /// there). <paramref name="arrivalUnixNs"/> is the kernel's CLOCK_REALTIME stamp, 0 when it gave none.
    /// </summary>
    public static int Receive(int fd, Span<byte> buffer, out long arrivalUnixNs)
    {
        arrivalUnixNs = 0;
        var control = stackalloc byte[64];
        fixed (byte* data = buffer)
        {
            var vector = new IoVector { Base = data, Length = (nuint)buffer.Length };
            var header = new MessageHeader { Vector = &vector, VectorCount = 1, Control = control, ControlLength = 64 };
            nint read;
            do
            {
                read = ReceiveMessage(fd, &header, DontWait);
            }
            while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);

            if (read < 0)
                return -Marshal.GetLastPInvokeError();
            arrivalUnixNs = ArrivalIn(control, (int)header.ControlLength);
            return (int)read;
        }
    }

    public static bool IsWouldBlock(int result) => result == -WouldBlock;

    /// <summary>The SCM_TIMESTAMPNS timespec among the control messages (cmsghdr: size_t len, int level, int type, data).</summary>
    private static long ArrivalIn(byte* control, int length)
    {
        var offset = 0;
        while (offset + 16 <= length)
        {
            var cmsgLength = (int)*(nuint*)(control + offset);
            var level = *(int*)(control + offset + 8);
            var type = *(int*)(control + offset + 12);
            if (cmsgLength < 16)
                return 0;
            if (level == SocketLevel && type == TimestampNs && cmsgLength >= 32)
            {
                var seconds = *(long*)(control + offset + 16);
                var nanoseconds = *(long*)(control + offset + 24);
                return (seconds * 1_000_000_000) + nanoseconds;
            }

            offset += (cmsgLength + 7) & ~7;
        }

        return 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vector;
        public nuint VectorCount;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint ReceiveMessage(int fd, MessageHeader* message, int flags);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSocketOption(int fd, int level, int name, void* value, int length);
}
