using System.Buffers;
using AtlasChannel.Networking;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Framing;

namespace AtlasChannel.Tests.Networking;

/// <summary>An <see cref="IOutboundSink"/> that records every write; tries may be cut short and awaited sends held.</summary>
internal sealed class RecordingSink : IOutboundSink
{
    private readonly Lock _gate = new();
    private readonly List<(bool Awaited, byte[] Bytes)> _writes = [];
    private readonly List<long> _writtenAt = [];
    private readonly SemaphoreSlim _written = new(0);

    /// <summary>Bytes a try may take (null = all); -1 reports the connection gone.</summary>
    public int? TryLimit { get; set; }

    /// <summary>When set, awaited sends wait for it before they complete.</summary>
    public TaskCompletionSource? HoldAwaited { get; set; }

    private int _awaitedStarted;

    /// <summary>Awaited sends begun so far (held ones included).</summary>
    public int AwaitedStarted => Volatile.Read(ref _awaitedStarted);

    public List<(bool Awaited, byte[] Bytes)> Writes
    {
        get
        {
            lock (_gate)
                return [.. _writes];
        }
    }

    /// <summary>When each write happened (<see cref="System.Diagnostics.Stopwatch"/> timestamps, in write order).</summary>
    public List<long> WrittenAt
    {
        get
        {
            lock (_gate)
                return [.. _writtenAt];
        }
    }

    public int TrySend(ReadOnlySpan<byte> data)
    {
        if (TryLimit is -1)
            return -1;
        var taken = Math.Min(data.Length, TryLimit ?? data.Length);
        if (taken > 0)
            Record(false, data[..taken].ToArray());
        return taken;
    }

    public async ValueTask<bool> SendAllAsync(ReadOnlyMemory<byte> data)
    {
        var copy = data.ToArray(); // the caller returns its buffer once this completes
        Interlocked.Increment(ref _awaitedStarted);
        if (HoldAwaited is { } hold)
            await hold.Task;
        Record(true, copy);
        return true;
    }

    /// <summary>Waits until at least <paramref name="count"/> writes happened.</summary>
    public async Task WaitForWritesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Writes.Count < count)
            await _written.WaitAsync(timeout.Token);
    }

    /// <summary>Everything written so far, decrypted as the client would, one body per whole packet.</summary>
    public List<byte[]> DecodeAll(ClientVersion version, MapleIv sendIv) => DecodeAll(version, sendIv, out _);

    /// <summary>As <see cref="DecodeAll(ClientVersion, MapleIv)"/>; <paramref name="whole"/> is false while a packet is only partly written.</summary>
    public List<byte[]> DecodeAll(ClientVersion version, MapleIv sendIv, out bool whole)
    {
        var all = Writes.SelectMany(w => w.Bytes).ToArray();
        using var decoder = new FrameDecoder(MapleCipher.ClientReceive(version, sendIv));
        var buffer = new ReadOnlySequence<byte>(all);
        var bodies = new List<byte[]>();
        while (decoder.TryReadFrame(ref buffer, out var body, out _))
            bodies.Add(body.ToArray());
        whole = buffer.IsEmpty;
        return bodies;
    }

    private void Record(bool awaited, byte[] bytes)
    {
        lock (_gate)
        {
            _writes.Add((awaited, bytes));
            _writtenAt.Add(System.Diagnostics.Stopwatch.GetTimestamp());
        }

        _written.Release();
    }
}
