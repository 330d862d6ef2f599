using System.Runtime.InteropServices;

namespace AtlasChannel.Tool.Load;

/// <summary>What one receive thread counted: written only by its thread, read (approximately, then exactly after the run) by the reporter.</summary>
/// <remarks>
/// The counters sit a cache line away from both ends of the object: the two receive threads' shards were allocated
/// together and a GC compaction can leave them adjacent, and then every relay one thread counted invalidated the line
/// the other was counting in.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
internal sealed class ReceiveShard
{
    [FieldOffset(0)]
    private readonly LatencyHistogram _latency = new();

    [FieldOffset(8)]
    private readonly LatencyHistogram _arrivalLatency = new();

    [FieldOffset(64)]
    public long PacketsIn;

    [FieldOffset(72)]
    public long RelaysReceived;

    [FieldOffset(80)]
    public long CrossGroupRelays;

    [FieldOffset(88)]
    public long UnmatchedRelays;

#pragma warning disable CS0169 // only reserves the cache line after the counters
    [FieldOffset(152)]
    private readonly long _trailingPad;
#pragma warning restore CS0169

    public LatencyHistogram Latency => _latency;

    /// <summary>Send → the kernel queued the relay on the receiving bot's socket (where the kernel stamps arrivals).</summary>
    public LatencyHistogram ArrivalLatency => _arrivalLatency;
}

/// <summary>
/// One <see cref="ReceiveShard"/> per thread that runs receive callbacks. Thousands of bots' receive loops run on a
/// handful of pool threads; counting into shared counters with interlocked operations made every relayed packet
/// bounce cache lines between the cores the server also needs.
/// </summary>
internal sealed class ReceiveShards : IDisposable
{
    private readonly ThreadLocal<ReceiveShard> _shards = new(() => new ReceiveShard(), trackAllValues: true);

    /// <summary>The calling thread's shard.</summary>
    public ReceiveShard Local => _shards.Value!;

    public IReadOnlyList<ReceiveShard> All => [.. _shards.Values];

    /// <summary>A total over the shards (a 64-bit read is atomic; while running it may be a few packets stale).</summary>
    public long Sum(Func<ReceiveShard, long> field) => All.Sum(field);

    public IReadOnlyList<LatencyHistogram> Histograms => All.Select(s => s.Latency).ToList();

    public IReadOnlyList<LatencyHistogram> ArrivalHistograms => All.Select(s => s.ArrivalLatency).ToList();

    public void Dispose() => _shards.Dispose();
}
