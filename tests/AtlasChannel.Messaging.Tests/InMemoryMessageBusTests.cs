using System.Collections.Concurrent;
using System.Text;
using AtlasChannel.Messaging.InMemory;
using Confluent.Kafka;

namespace AtlasChannel.Messaging.Tests;

public sealed class InMemoryMessageBusTests : IAsyncLifetime
{
    private const string Topic = "EVENT_TOPIC_TEST_STATUS";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly RecordingLoggerFactory _logs = new();
    private readonly InMemoryMessageBus _bus;

    public InMemoryMessageBusTests()
    {
        _bus = new InMemoryMessageBus(TestContractRegistry.Instance, new MessagingOptions
        {
            ServiceId = "test",
            ServedTenants = [TestTenants.Gms83],
            LaneCount = 4,
            LaneCapacity = 16,
        }, _logs);
    }

    public Task InitializeAsync() => _bus.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Dispatches_by_record_type_with_tenant_key_and_headers()
    {
        var pings = new TaskCompletionSource<ConsumedMessage<PingEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pongs = new TaskCompletionSource<ConsumedMessage<PongEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Subscribe<PingEvent>(Topic, (m, _) => { pings.TrySetResult(m); return ValueTask.CompletedTask; });
        _bus.Subscribe<PongEvent>(Topic, (m, _) => { pongs.TrySetResult(m); return ValueTask.CompletedTask; });

        Assert.True(await _bus.PublishAsync(Topic, MessageKeys.Create(7), PingEvent.Create(7, 1, "hello"), TestTenants.Gms83));
        Assert.True(await _bus.PublishAsync(Topic, MessageKeys.Create(8), PongEvent.Create(8, 2), TestTenants.Gms83));

        var ping = await pings.Task.WaitAsync(Timeout);
        var pong = await pongs.Task.WaitAsync(Timeout);
        Assert.Equal(PingEvent.Create(7, 1, "hello"), ping.Message);
        Assert.Equal("PING", ping.Type);
        Assert.Equal(Topic, ping.TopicToken);
        Assert.Equal(TestTenants.Gms83, ping.Tenant);
        Assert.Equal(MessageKeys.Create(7), ping.Key.ToArray());
        Assert.Equal(new byte[] { 0, 83 }, ping.Headers.GetLastBytes(TenantHeaders.MajorVersion));
        Assert.Equal(PongEvent.Create(8, 2), pong.Message);
        Assert.Equal("PONG", pong.Type);
    }

    [Fact]
    public async Task Unknown_type_is_counted_skipped_and_logged_once()
    {
        var received = new TaskCompletionSource<PingEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Subscribe<PingEvent>(Topic, (m, _) => { received.TrySetResult(m.Message); return ValueTask.CompletedTask; });
        var key = MessageKeys.Create(1);

        _bus.PublishRaw(Topic, key, """{"characterId":1,"type":"NOPE","body":{}}"""u8.ToArray(), TenantHeadersFor(TestTenants.Gms83));
        _bus.PublishRaw(Topic, key, """{"characterId":1,"type":"NOPE","body":{}}"""u8.ToArray(), TenantHeadersFor(TestTenants.Gms83));
        await _bus.PublishAsync(Topic, key, PingEvent.Create(1, 3), TestTenants.Gms83);

        // Same key ⇒ same lane ⇒ the two unknown messages were processed before the ping arrived.
        Assert.Equal(3, (await received.Task.WaitAsync(Timeout)).Body.Seq);
        Assert.Equal(2, _bus.Stats.UnknownType);
        Assert.Equal(1, _logs.Count("NOPE"));
    }

    [Fact]
    public async Task Undecodable_values_are_counted_and_skipped()
    {
        var received = new TaskCompletionSource<PingEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Subscribe<PingEvent>(Topic, (m, _) => { received.TrySetResult(m.Message); return ValueTask.CompletedTask; });
        var key = MessageKeys.Create(1);

        _bus.PublishRaw(Topic, key, "not json"u8.ToArray(), TenantHeadersFor(TestTenants.Gms83));
        _bus.PublishRaw(Topic, key, """{"characterId":1,"type":"PING","body":{"seq":"one"}}"""u8.ToArray(), TenantHeadersFor(TestTenants.Gms83));
        _bus.PublishRaw(Topic, key, [], TenantHeadersFor(TestTenants.Gms83));
        await _bus.PublishAsync(Topic, key, PingEvent.Create(1, 4), TestTenants.Gms83);

        Assert.Equal(4, (await received.Task.WaitAsync(Timeout)).Body.Seq);
        Assert.Equal(3, _bus.Stats.Undecodable);
        Assert.Equal(0, _bus.Stats.HandlerErrors);
    }

    [Fact]
    public async Task Foreign_tenants_are_dropped_from_the_headers()
    {
        var seen = new ConcurrentQueue<int>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Subscribe<PingEvent>(Topic, (m, _) =>
        {
            seen.Enqueue(m.Message.Body.Seq);
            if (m.Message.Body.Seq == 99)
                last.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var key = MessageKeys.Create(5);

        await _bus.PublishAsync(Topic, key, PingEvent.Create(5, 1), TestTenants.Foreign);
        await _bus.PublishAsync(Topic, key, PingEvent.Create(5, 2), TestTenants.Gms87);
        await _bus.PublishAsync(Topic, key, PingEvent.Create(5, 3), tenant: null);
        // Garbage in the value too: the filter must drop it before any decoding is attempted.
        _bus.PublishRaw(Topic, key, "not json"u8.ToArray(), TenantHeadersFor(TestTenants.Foreign));
        await _bus.PublishAsync(Topic, key, PingEvent.Create(5, 99), TestTenants.Gms83);

        await last.Task.WaitAsync(Timeout);
        Assert.Equal([99], seen);
        Assert.Equal(4, _bus.Stats.TenantFiltered);
        Assert.Equal(0, _bus.Stats.Undecodable);
    }

    [Fact]
    public async Task Channel_status_checks_only_the_tenant_id_and_transport_status_checks_nothing()
    {
        var channel = new ConcurrentQueue<int>();
        var transport = new ConcurrentQueue<int>();
        var done = new CountdownEvent(3);
        _bus.Subscribe<PingEvent>(TopicTokens.ChannelStatusCommand, (m, _) => { channel.Enqueue(m.Message.Body.Seq); done.Signal(); return ValueTask.CompletedTask; });
        _bus.Subscribe<PingEvent>(TopicTokens.TransportStatusEvent, (m, _) => { transport.Enqueue(m.Message.Body.Seq); done.Signal(); return ValueTask.CompletedTask; });
        var key = MessageKeys.ForUuidText(TestTenants.Gms83.Id);

        await _bus.PublishAsync(TopicTokens.ChannelStatusCommand, key, PingEvent.Create(0, 1), TestTenants.Foreign);
        await _bus.PublishAsync(TopicTokens.ChannelStatusCommand, key, PingEvent.Create(0, 2), TestTenants.Gms87);
        await _bus.PublishAsync(TopicTokens.TransportStatusEvent, key, PingEvent.Create(0, 3), TestTenants.Foreign);
        await _bus.PublishAsync(TopicTokens.TransportStatusEvent, key, PingEvent.Create(0, 4), tenant: null);

        Assert.True(await Task.Run(() => done.Wait(Timeout)));
        Assert.Equal([2], channel);
        Assert.Equal([3, 4], transport);
        Assert.Equal(1, _bus.Stats.TenantFiltered);
    }

    [Fact]
    public async Task Same_key_is_ordered_while_different_keys_run_in_parallel()
    {
        const int keys = 8;
        const int perKey = 300;
        var keyA = 1;
        var keyB = Enumerable.Range(2, 100).First(k => _bus.LaneSelector.LaneFor(MessageKeys.Create(k)) != _bus.LaneSelector.LaneFor(MessageKeys.Create(keyA)));
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastSeq = new ConcurrentDictionary<int, int>();
        var outOfOrder = 0;
        var handled = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = (keys + 2) * perKey;
        _bus.Subscribe<PingEvent>(Topic, async (m, ct) =>
        {
            var (character, seq) = (m.Message.CharacterId, m.Message.Body.Seq);
            if (character == keyB && seq == 0)
                bStarted.TrySetResult();
            if (character == keyA && seq == 0)
                await bStarted.Task.WaitAsync(Timeout, ct); // times out (and fails the test) if lanes were serial
            if (seq % 7 == 0)
                await Task.Yield();
            var previous = lastSeq.GetValueOrDefault(character, -1);
            if (previous != seq - 1)
                Interlocked.Increment(ref outOfOrder);
            lastSeq[character] = seq;
            if (Interlocked.Increment(ref handled) == total)
                all.TrySetResult();
        });

        var characters = new[] { keyA, keyB }.Concat(Enumerable.Range(1000, keys)).ToArray();
        for (var seq = 0; seq < perKey; seq++)
        {
            foreach (var character in characters)
                await _bus.PublishAsync(Topic, MessageKeys.Create(character), PingEvent.Create(character, seq), TestTenants.Gms83);
        }

        await all.Task.WaitAsync(Timeout);
        Assert.Equal(0, outOfOrder);
        Assert.All(characters, c => Assert.Equal(perKey - 1, lastSeq[c]));
        Assert.Equal(0, _bus.Stats.HandlerErrors);
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_and_isolated()
    {
        var others = new ConcurrentQueue<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Subscribe<PingEvent>(Topic, (m, _) => m.Message.Body.Seq == 1 ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask);
        _bus.Subscribe<PingEvent>(Topic, (m, _) =>
        {
            others.Enqueue(m.Message.Body.Seq);
            if (m.Message.Body.Seq == 2)
                done.TrySetResult();
            return ValueTask.CompletedTask;
        });

        await _bus.PublishAsync(Topic, MessageKeys.Create(3), PingEvent.Create(3, 1), TestTenants.Gms83);
        await _bus.PublishAsync(Topic, MessageKeys.Create(3), PingEvent.Create(3, 2), TestTenants.Gms83);

        await done.Task.WaitAsync(Timeout);
        Assert.Equal([1, 2], others);
        Assert.Equal(1, _bus.Stats.HandlerErrors);
        Assert.Equal(1, _logs.Count("failed"));
    }

    [Fact]
    public async Task Unserialisable_message_fails_the_publish_without_throwing()
    {
        var published = await _bus.PublishAsync(Topic, MessageKeys.Create(1), new object(), TestTenants.Gms83);

        Assert.False(published);
        Assert.Equal(1, _bus.Stats.PublishFailed);
        Assert.Equal(1, _logs.Count(Topic));
    }

    [Fact]
    public async Task Disposed_subscription_stops_receiving()
    {
        var kept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var removedCalls = 0;
        var removed = _bus.Subscribe<PingEvent>(Topic, (_, _) => { Interlocked.Increment(ref removedCalls); return ValueTask.CompletedTask; });
        _bus.Subscribe<PongEvent>(Topic, (_, _) => { kept.TrySetResult(); return ValueTask.CompletedTask; });
        removed.Dispose();

        await _bus.PublishAsync(Topic, MessageKeys.Create(1), PingEvent.Create(1, 1), TestTenants.Gms83);
        await _bus.PublishAsync(Topic, MessageKeys.Create(1), PongEvent.Create(1, 2), TestTenants.Gms83);

        await kept.Task.WaitAsync(Timeout);
        Assert.Equal(0, removedCalls);
        Assert.Equal(1, _bus.Stats.Unhandled);
    }

    [Fact]
    public async Task A_topic_nobody_subscribed_to_is_encoded_and_counted_but_not_queued()
    {
        Assert.True(await _bus.PublishAsync(Topic, MessageKeys.Create(1), PingEvent.Create(1, 1), TestTenants.Gms83));
        Assert.Equal(1, _bus.Stats.Published);

        var received = new TaskCompletionSource<PingEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Subscribe<PingEvent>(Topic, (m, _) => { received.TrySetResult(m.Message); return ValueTask.CompletedTask; });
        Assert.True(await _bus.PublishAsync(Topic, MessageKeys.Create(1), PingEvent.Create(1, 2), TestTenants.Gms83));

        Assert.Equal(2, (await received.Task.WaitAsync(Timeout)).Body.Seq);
        Assert.Equal(2, _bus.Stats.Published);
        Assert.Equal(1, _bus.Stats.Received); // the first never entered the pipeline
    }

    private static Headers TenantHeadersFor(Tenant tenant)
    {
        var headers = new Headers();
        TenantHeaders.Write(headers, tenant);
        return headers;
    }
}
