using System.Runtime.InteropServices;

namespace AtlasChannel.Networking.IoUring;

/// <summary>
/// The few io_uring system calls and constants a send ring needs (linux/io_uring.h). The syscall numbers are the
/// same on every architecture (425–427 were assigned in the unified table).
/// </summary>
internal static unsafe partial class IoUringNative
{
    public const long SetupSyscall = 425;
    public const long EnterSyscall = 426;

    public const uint EnterGetEvents = 1u << 0;
    public const uint EnterExtArg = 1u << 3;

    public const uint FeatureSingleMmap = 1u << 0;
    public const uint FeatureExtArg = 1u << 8;

    public const byte OpSend = 26;
    public const uint MsgDontWait = 0x40;
    public const uint MsgNoSignal = 0x4000;

    public const long OffSqRing = 0;
    public const long OffSqes = 0x10000000;

    public const int ProtRead = 0x1;
    public const int ProtWrite = 0x2;
    public const int MapShared = 0x01;
    public const int MapPopulate = 0x08000;

    public const int EAgain = 11;
    public const int EIntr = 4;
    public const int ETime = 62;

    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Setup(long number, uint entries, Params* parameters);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Enter(long number, int fd, uint toSubmit, uint minComplete, uint flags, GetEventsArg* arg, nuint argSize);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Map(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    public static partial int Unmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    /// <summary>struct io_uring_params (120 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Params
    {
        public uint SqEntries;
        public uint CqEntries;
        public uint Flags;
        public uint SqThreadCpu;
        public uint SqThreadIdle;
        public uint Features;
        public uint WqFd;
        public fixed uint Reserved[3];
        public SqRingOffsets SqOff;
        public CqRingOffsets CqOff;
    }

    /// <summary>struct io_sqring_offsets.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SqRingOffsets
    {
        public uint Head;
        public uint Tail;
        public uint RingMask;
        public uint RingEntries;
        public uint Flags;
        public uint Dropped;
        public uint Array;
        public uint Reserved1;
        public ulong UserAddr;
    }

    /// <summary>struct io_cqring_offsets.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CqRingOffsets
    {
        public uint Head;
        public uint Tail;
        public uint RingMask;
        public uint RingEntries;
        public uint Overflow;
        public uint Cqes;
        public uint Flags;
        public uint Reserved1;
        public ulong UserAddr;
    }

    /// <summary>struct io_uring_sqe (64 bytes), with the fields a send uses.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct SubmissionEntry
    {
        [FieldOffset(0)] public byte Opcode;
        [FieldOffset(1)] public byte Flags;
        [FieldOffset(2)] public ushort IoPriority;
        [FieldOffset(4)] public int Fd;
        [FieldOffset(8)] public ulong Offset;
        [FieldOffset(16)] public ulong Address;
        [FieldOffset(24)] public uint Length;
        [FieldOffset(28)] public uint MsgFlags;
        [FieldOffset(32)] public ulong UserData;
        [FieldOffset(40)] public ushort BufferIndex;
        [FieldOffset(42)] public ushort Personality;
        [FieldOffset(44)] public int SpliceFdIn;
        [FieldOffset(48)] public ulong Address3;
        [FieldOffset(56)] public ulong Padding;
    }

    /// <summary>struct io_uring_cqe (16 bytes; the ring is set up without CQE32).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CompletionEntry
    {
        public ulong UserData;
        public int Result;
        public uint Flags;
    }

    /// <summary>struct io_uring_getevents_arg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct GetEventsArg
    {
        public ulong SigMask;
        public uint SigMaskSize;
        public uint MinWaitUsec;
        public ulong Timespec;
    }

    /// <summary>struct __kernel_timespec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct KernelTimespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
