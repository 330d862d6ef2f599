using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AtlasChannel.Networking;
using AtlasChannel.Observability;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Networking;

public sealed class FlusherMetricsTests
{
    [Fact]
    public async Task Each_socket_write_is_counted_with_its_queue_delay_and_each_round_reports_its_lag()
    {
        using var factory = new ScopedMeterFactory();
        using var metrics = new ChannelMetrics(factory);
        var measured = new ConcurrentQueue<(string Name, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measured.Enqueue((i.Name, v)));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => measured.Enqueue((i.Name, v)));
        listener.Start();

        var server = TestSessions.Server(TestSessions.TenantA);
        var session = TestSessions.Create(server);
        var sink = new RecordingSink();
        using var flusher = new OutboundFlusher(TimeSpan.FromMilliseconds(100), threads: 1, metrics, NullLogger.Instance);
        flusher.Attach(session, sink, MapleCipher.ServerSend(server.Version, MapleIv.FromHex("523078E9")));

        var beforeFirst = Stopwatch.GetTimestamp();
        Assert.True(session.Send("CharacterMovement", 1, static (w, in _, v) => w.WriteInt32(v)));
        await sink.WaitForWritesAsync(1);
        var beforeSecond = Stopwatch.GetTimestamp();
        Assert.True(session.Send("CharacterMovement", 2, static (w, in _, v) => w.WriteInt32(v))); // paced: waits out the interval
        var afterSecond = Stopwatch.GetTimestamp();
        Assert.True(session.Send("CharacterMovement", 3, static (w, in _, v) => w.WriteInt32(v)));
        await sink.WaitForWritesAsync(2);
        var afterWrites = Stopwatch.GetTimestamp();

        Assert.Equal(2, measured.Where(m => m.Name == "atlas.channel.outbound.sends").Sum(m => m.Value));
        Assert.Equal(3, measured.Where(m => m.Name == "atlas.channel.packets.sent").Sum(m => m.Value));
        var lags = measured.Where(m => m.Name == "atlas.channel.outbound.flush.lag").Select(m => m.Value).ToList();
        Assert.Equal(2, lags.Count); // one sample per flusher round that sent something
        Assert.All(lags, lag => Assert.InRange(lag, 0, 10_000));

        // One queue-delay sample per socket write: its oldest packet's age when it went to the socket.
        var delays = measured.Where(m => m.Name == "atlas.channel.outbound.queue.delay").Select(m => m.Value).ToList();
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0], 0, Stopwatch.GetElapsedTime(beforeFirst, afterWrites).TotalMilliseconds);
        // The second write carries packet 2, built after the first write; it left no earlier than 100 ms after the
        // first flush began (which was after beforeFirst), and no later than afterWrites.
        var earliest = 100 - Stopwatch.GetElapsedTime(beforeFirst, afterSecond).TotalMilliseconds;
        var latest = Stopwatch.GetElapsedTime(beforeSecond, afterWrites).TotalMilliseconds;
        Assert.InRange(delays[1], Math.Max(0, earliest) - 1, latest + 1);
    }

    private sealed class ScopedMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
                meter.Dispose();
        }
    }
}
