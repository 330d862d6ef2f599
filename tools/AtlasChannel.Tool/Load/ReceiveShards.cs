namespace AtlasChannel.Tool.Load;

/// <summary>What one receive thread counted: written only by its thread, read (approximately, then exactly after the run) by the reporter.</summary>
internal sealed class ReceiveShard
{
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Send → the kernel queued the relay on the receiving bot's socket (where the kernel stamps arrivals).</summary>
    public LatencyHistogram ArrivalLatency { get; } = new();

    public long PacketsIn;
    public long RelaysReceived;
    public long CrossGroupRelays;
    public long UnmatchedRelays;
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
