using AtlasChannel.Features.Movement;
using AtlasChannel.Messaging;
using AtlasChannel.Networking;
using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Benchmarks.Fanout;

/// <summary>
/// One movement event to 50 sessions, through to each session's encrypted bytes: encode once via
/// <see cref="Packets.Fanout"/> and queue, then each session's write path (copy into its output buffer +
/// <see cref="MapleCipher.EncryptInPlace"/>), against a naive per-recipient encode. Numbers are per recipient.
/// <see cref="DeliveredThroughFlusher"/> runs the production path end to end: the fan-out posts one entry to the
/// flusher shard, whose round (run on this thread) fills the writers' queues, encrypts and hands each session's batch
/// to its sink.
/// </summary>
[MemoryDiagnoser]
public class FanoutBenchmarks : IDisposable
{
    private const int Recipients = 50;
    private const uint Henesys = 100000000;

    // common.md §6.5: start (100, 200), NORMAL, JUMP, FALL_DOWN (43 bytes).
    private static readonly byte[] Path = Convert.FromHexString(
        "6400C80003" + "006E00C800320000000C00049600" + "01B0FF70FE065A00" + "0F8C00040100002C0100000C00067800");

    private readonly SessionRegistry _registry = new();
    private readonly Session[] _recipients = new Session[Recipients];
    private readonly MapleCipher[] _ciphers = new MapleCipher[Recipients];
    private readonly byte[][] _outputs = new byte[Recipients][];
    private readonly SessionRegistry _attachedRegistry = new();
    private readonly Observability.ChannelMetrics _metrics = new();
    private OutboundFlusher _flusher = null!;
    private Session _mover = null!;
    private Session _attachedMover = null!;
    private MapKey _map;
    private MapKey _attachedMap;
    private MovementRelay _relay;
    private MovementRelay _attachedRelay;

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new Tenant(Guid.Parse("083839c6-c47c-42a6-9585-76492795d123"), "GMS", 83, 1);
        var version = new ClientVersion("GMS", 83, 1);
        var table = BundledTemplates.Load(version);
        var settings = new TenantSettings(tenant, version, table, "127.0.0.1", [new WorldSettings(0, [new ChannelSettings(0, 7575)])]);
        var server = new ChannelServer(settings, 0, 0, 7575);
        _mover = InField(server, 1);
        for (var i = 0; i < Recipients; i++)
        {
            _recipients[i] = InField(server, 100 + i);
            _ciphers[i] = MapleCipher.ServerSend(version, MapleIv.FromHex("523078E9"));
            _outputs[i] = new byte[4096];
        }

        _map = _mover.Map;
        _relay = new MovementRelay(_mover.CharacterId, Path);

        // Another channel's field, every session with a real writer on one caller-run flusher shard.
        var attachedServer = new ChannelServer(settings, 0, 1, 7576);
        _flusher = new OutboundFlusher(TimeSpan.Zero, threads: 1, _metrics, NullLogger.Instance, ioUring: false, ownThreads: false);
        _attachedMover = InField(attachedServer, 1, _attachedRegistry);
        for (var i = 0; i < Recipients; i++)
        {
            var session = InField(attachedServer, 100 + i, _attachedRegistry);
            _flusher.Attach(session, new CountingSink(), MapleCipher.ServerSend(version, MapleIv.FromHex("523078E9")));
        }

        _attachedMap = _attachedMover.Map;
        _attachedRelay = new MovementRelay(_attachedMover.CharacterId, Path);
    }

    /// <summary>
    /// The production path: one fan-out posted to the flusher shard, then one shard round (accept into 50 writer
    /// queues, 50 batches encrypted and handed to their sinks).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Recipients)]
    public int DeliveredThroughFlusher()
    {
        var sent = _attachedRegistry.SendToMap(_attachedMap, MovementPackets.MovementWriter, _attachedRelay, MovementPackets.Movement, except: _attachedMover);
        _flusher.RunRounds();
        return sent;
    }

    /// <summary>
    /// Encode once (and run Shanda once: it has no key or IV), queue the shared packet to 50 sessions, then each
    /// session's writer copies it and applies its own header, AES and IV step, as <c>SessionWriter</c> does.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Recipients)]
    public int EncodeOnceFanout() => FanOut(shandaOnce: true);

    /// <summary>The same with Shanda run in every recipient's writer (the previous write path).</summary>
    [Benchmark(OperationsPerInvoke = Recipients)]
    public int EncodeOnceFanoutShandaPerRecipient() => FanOut(shandaOnce: false);

    private int FanOut(bool shandaOnce)
    {
        var sent = _registry.SendToMap(_map, MovementPackets.MovementWriter, _relay, MovementPackets.Movement, except: _mover);
        var bytes = 0;
        for (var i = 0; i < _recipients.Length; i++)
        {
            while (_recipients[i].Outbound.TryRead(out var packet))
            {
                var wire = packet.Length + PacketHeader.Length;
                var span = _outputs[i].AsSpan(0, wire);
                var afterShanda = shandaOnce && packet.HasShandaBody;
                (afterShanda ? packet.ShandaBody : packet.Body).CopyTo(span[PacketHeader.Length..]);
                packet.Release();
                if (afterShanda)
                    _ciphers[i].EncryptAfterShandaInPlace(span);
                else
                    _ciphers[i].EncryptInPlace(span);
                bytes += wire;
            }
        }

        return sent + bytes;
    }

    /// <summary>Baseline: every recipient gets its own freshly encoded array, then the same copy + encrypt.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Recipients)]
    public int NaivePerRecipientEncode()
    {
        var bytes = 0;
        for (var i = 0; i < _recipients.Length; i++)
        {
            var body = _recipients[i].Encoder.EncodeToArray(MovementPackets.MovementWriter, _relay, MovementPackets.Movement)!;
            var wire = body.Length + PacketHeader.Length;
            var span = _outputs[i].AsSpan(0, wire);
            body.CopyTo(span[PacketHeader.Length..]);
            _ciphers[i].EncryptInPlace(span);
            bytes += wire;
        }

        return bytes;
    }

    public void Dispose()
    {
        _flusher.Dispose();
        _metrics.Dispose();
        GC.SuppressFinalize(this);
    }

    private Session InField(ChannelServer server, int characterId) => InField(server, characterId, _registry);

    private static Session InField(ChannelServer server, int characterId, SessionRegistry registry)
    {
        var session = new Session(Guid.NewGuid(), server, new PacketEncoder(server.Opcodes), 1024, TimeProvider.System, NullLogger.Instance);
        session.Attach(new NullTransport());
        registry.Add(session);
        session.TryBeginLogin(characterId, characterId);
        registry.TryClaim(session, characterId, characterId);
        registry.EnterField(session, characterId, characterId, "b", false, Henesys);
        return session;
    }

    /// <summary>A connection that takes every byte at once (the socket's cost is the load test's business).</summary>
    private sealed class CountingSink : Networking.IOutboundSink
    {
        public long Bytes { get; private set; }

        public int TrySend(ReadOnlySpan<byte> data)
        {
            Bytes += data.Length;
            return data.Length;
        }

        public ValueTask<bool> SendAllAsync(ReadOnlyMemory<byte> data)
        {
            Bytes += data.Length;
            return ValueTask.FromResult(true);
        }
    }

    private sealed class NullTransport : ISessionTransport
    {
        public string RemoteEndPoint => "bench";

        public void Abort(string reason)
        {
        }
    }
}
