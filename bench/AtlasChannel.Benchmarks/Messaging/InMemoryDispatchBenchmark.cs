using AtlasChannel.Messaging;
using AtlasChannel.Messaging.InMemory;
using BenchmarkDotNet.Attributes;
using Confluent.Kafka;

namespace AtlasChannel.Benchmarks.Messaging;

/// <summary>
/// Tenant filter + lane hand-off + JSON decode + typed dispatch through the in-memory bus. Values are pre-encoded
/// (as they would arrive from Kafka); 64 distinct keys spread the work over the lanes.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // Disposed in GlobalCleanup.
public class InMemoryDispatchBenchmark
#pragma warning restore CA1001
{
    private const int Messages = 100_000;
    private const int Keys = 64;
    private const string Topic = "EVENT_TOPIC_BENCH_STATUS";
    private static readonly Tenant BenchTenant = new(Guid.Parse("083839c6-c47c-42a6-9585-76492795d123"), "GMS", 83, 1);

    private InMemoryMessageBus _bus = null!;
    private byte[][] _keys = null!;
    private byte[] _value = null!;
    private Headers _headers = null!;
    private int _handled;
    private TaskCompletionSource _done = new();

    [GlobalSetup]
    public void Setup()
    {
        var registry = new BenchContractRegistry();
        _bus = new InMemoryMessageBus(registry, new MessagingOptions { ServiceId = "bench", ServedTenants = [BenchTenant] });
        _bus.Subscribe<BenchEvent>(Topic, (_, _) =>
        {
            if (Interlocked.Increment(ref _handled) == Messages)
                _done.TrySetResult();
            return ValueTask.CompletedTask;
        });
        _bus.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _keys = [.. Enumerable.Range(0, Keys).Select(MessageKeys.Create)];
        _value = registry.Serialize(BenchEvent.Create(1000017));
        _headers = [];
        TenantHeaders.Write(_headers, BenchTenant);
        if (_value.Length is < 180 or > 260)
            throw new InvalidOperationException($"Benchmark value is {_value.Length} bytes; expected ~200.");
    }

    [GlobalCleanup]
    public void Cleanup() => _bus.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task DecodeAndDispatch()
    {
        _handled = 0;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < Messages; i++)
            _bus.PublishRaw(Topic, _keys[i % Keys], _value, _headers);
        await _done.Task;
    }
}
