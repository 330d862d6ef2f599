using AtlasChannel.Messaging;
using AtlasChannel.Messaging.Kafka;
using AtlasChannel.Testing.Kafka;
using BenchmarkDotNet.Attributes;

namespace AtlasChannel.Benchmarks.Messaging;

/// <summary>
/// Publish (JSON serialise, key, tenant headers, idempotent acks=all produce) → librdkafka mock broker over TCP →
/// consume → tenant filter → decode → dispatch, all in this process. One operation = one message handled.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // Disposed in GlobalCleanup.
public class KafkaEndToEndBenchmark
#pragma warning restore CA1001
{
    private const int Messages = 20_000;
    private const int Keys = 64;
    private const string Topic = "EVENT_TOPIC_BENCH_E2E";
    private static readonly Tenant BenchTenant = new(Guid.Parse("083839c6-c47c-42a6-9585-76492795d123"), "GMS", 83, 1);

    private MockKafkaCluster _cluster = null!;
    private KafkaMessageBus _bus = null!;
    private byte[][] _keys = null!;
    private BenchEvent[] _events = null!;
    private int _handled;
    private TaskCompletionSource _done = new();

    [GlobalSetup]
    public void Setup()
    {
        _cluster = new MockKafkaCluster(brokerCount: 1);
        _cluster.CreateTopic(Topic, partitions: 4);
        _bus = new KafkaMessageBus(new BenchContractRegistry(), new MessagingOptions
        {
            BootstrapServers = _cluster.BootstrapServers,
            ServiceId = "bench",
            ServedTenants = [BenchTenant],
            ConsumerSettings = new Dictionary<string, string>
            {
                ["session.timeout.ms"] = "6000",
                ["heartbeat.interval.ms"] = "500",
                ["fetch.wait.max.ms"] = "10",
            },
        });
        _bus.Subscribe<BenchEvent>(Topic, (_, _) =>
        {
            if (Interlocked.Increment(ref _handled) == Messages)
                _done.TrySetResult();
            return ValueTask.CompletedTask;
        });
        _bus.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _bus.CaughtUp.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        _keys = [.. Enumerable.Range(0, Keys).Select(MessageKeys.Create)];
        _events = [.. Enumerable.Range(0, Keys).Select(k => BenchEvent.Create(1000000 + k))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bus.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _cluster.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task PublishConsumeDispatch()
    {
        _handled = 0;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = new Task<bool>[Messages];
        for (var i = 0; i < Messages; i++)
            sends[i] = _bus.PublishAsync(Topic, _keys[i % Keys], _events[i % Keys], BenchTenant);
        foreach (var sent in await Task.WhenAll(sends))
        {
            if (!sent)
                throw new InvalidOperationException("A benchmark message was not delivered.");
        }

        await _done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
