using AtlasChannel.Observability;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Networking;

/// <summary>
/// Sends every session's queued packets from a few dedicated threads instead of one async write loop per connection.
/// A send costs far more than the packets in it (a syscall, the loopback or NIC path, a wake-up of the client), and a
/// player in a crowded map receives hundreds of small packets a second. So a session that sent less than one interval
/// ago waits until the interval is up and then sends everything queued meanwhile in one write; a quiet session is sent
/// at once, so replies to the player's own actions are never held back. Queueing a packet costs one inbox entry; the
/// shard thread is woken only when it sleeps and the packet is due before the thread would wake by itself.
/// </summary>
public sealed class OutboundFlusher : IDisposable
{
    private readonly FlushShard[] _shards;
    private readonly ChannelMetrics _metrics;
    private int _next = -1;

    public OutboundFlusher(TimeSpan interval, int threads, ChannelMetrics metrics, ILogger logger, bool ioUring = false, int inboxCapacity = FlushShard.DefaultInboxCapacity)
        : this(interval, threads, metrics, logger, ioUring, ownThreads: true, inboxCapacity)
    {
    }

    /// <summary>With <paramref name="ownThreads"/> false the shards get no threads: the caller runs their rounds (<see cref="RunRounds"/>; benchmarks).</summary>
    internal OutboundFlusher(TimeSpan interval, int threads, ChannelMetrics metrics, ILogger logger, bool ioUring, bool ownThreads, int inboxCapacity = FlushShard.DefaultInboxCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _metrics = metrics;
        _shards = new FlushShard[threads];
        for (var i = 0; i < threads; i++)
            _shards[i] = new FlushShard(interval, $"outbound-flush-{i}", metrics, logger, ioUring, ownThreads, inboxCapacity);
    }

    /// <summary>Starts sending <paramref name="session"/>'s queue through <paramref name="sink"/>, encrypted with <paramref name="cipher"/>.</summary>
    internal void Attach(Session session, IOutboundSink sink, MapleCipher cipher)
    {
        var shard = _shards[(uint)Interlocked.Increment(ref _next) % (uint)_shards.Length];
        var writer = new SessionWriter(session, sink, cipher, shard, _metrics);
        session.AttachWriter(writer, new OutboundRoute(writer, shard));
    }

    /// <summary>Runs one round of every shard on the calling thread (a flusher built without its own threads).</summary>
    internal void RunRounds()
    {
        foreach (var shard in _shards)
            shard.RunRound();
    }

    /// <summary>The flusher threads' shards (tests).</summary>
    internal IReadOnlyList<FlushShard> Shards => _shards;

    /// <summary>Whether every flusher thread sends through io_uring (tests, diagnostics).</summary>
    internal bool UsesIoUring => _shards.All(shard => shard.UsesIoUring);

    public void Dispose()
    {
        foreach (var shard in _shards)
            shard.Dispose();
    }
}
