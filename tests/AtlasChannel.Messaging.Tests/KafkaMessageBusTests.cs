using System.Collections.Concurrent;
using System.Diagnostics;
using AtlasChannel.Messaging.Kafka;
using AtlasChannel.Testing.Kafka;
using Confluent.Kafka;
using static AtlasChannel.Messaging.Tests.KafkaTestSupport;

namespace AtlasChannel.Messaging.Tests;

/// <summary>The Kafka transport against librdkafka's mock brokers over TCP.</summary>
public sealed class KafkaMessageBusTests(MockKafkaClusterFixture fixture) : IClassFixture<MockKafkaClusterFixture>
{
    private readonly MockKafkaCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Key_tenant_and_trace_headers_survive_the_broker()
    {
        var topic = NewTopic(_cluster);
        var consumerActivities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessagingDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = consumerActivities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var bus = new KafkaMessageBus(TestContractRegistry.Instance, Options(_cluster));
        var received = new TaskCompletionSource<ConsumedMessage<PingEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        bus.Subscribe<PingEvent>(topic, (m, _) => { received.TrySetResult(m); return ValueTask.CompletedTask; });
        await StartAsync(bus);

        using var producing = new Activity("packet handler").SetIdFormat(ActivityIdFormat.W3C).Start();
        Assert.True(await bus.PublishAsync(topic, MessageKeys.Create(1000017), PingEvent.Create(1000017, 1, "héllo <&>"), TestTenants.Gms83));
        producing.Stop();

        var message = await received.Task.Within(Patience, "the ping");
        Assert.Equal("51420f0000000000", Convert.ToHexStringLower(message.Key.Span));
        Assert.Equal(TestTenants.Gms83, message.Tenant);
        Assert.Equal(new byte[] { 0x00, 0x53 }, message.Headers.GetLastBytes(TenantHeaders.MajorVersion));
        Assert.Equal(new byte[] { 0x00, 0x01 }, message.Headers.GetLastBytes(TenantHeaders.MinorVersion));
        Assert.Equal("083839c6-c47c-42a6-9585-76492795d123", System.Text.Encoding.UTF8.GetString(message.Headers.GetLastBytes(TenantHeaders.TenantId)));
        Assert.Equal(PingEvent.Create(1000017, 1, "héllo <&>"), message.Message);
        Assert.Equal(producing.TraceId, TraceHeaders.Extract(message.Headers).TraceId);
        var consumer = Assert.Single(consumerActivities, a => a.TraceId == producing.TraceId);
        Assert.Equal(ActivityKind.Consumer, consumer.Kind);
        Assert.Equal(producing.SpanId, consumer.ParentSpanId);
    }

    [Fact]
    public async Task Each_consumer_group_receives_every_message()
    {
        const int count = 50;
        var topic = NewTopic(_cluster, partitions: 2);
        await using var first = new KafkaMessageBus(TestContractRegistry.Instance, Options(_cluster));
        await using var second = new KafkaMessageBus(TestContractRegistry.Instance, Options(_cluster));
        var firstSeen = new ConcurrentDictionary<int, int>();
        var secondSeen = new ConcurrentDictionary<int, int>();
        first.Subscribe<PingEvent>(topic, (m, _) => { firstSeen.AddOrUpdate(m.Message.Body.Seq, 1, (_, n) => n + 1); return ValueTask.CompletedTask; });
        second.Subscribe<PingEvent>(topic, (m, _) => { secondSeen.AddOrUpdate(m.Message.Body.Seq, 1, (_, n) => n + 1); return ValueTask.CompletedTask; });
        await Task.WhenAll(StartAsync(first), StartAsync(second));

        var sends = Enumerable.Range(0, count).Select(i => first.PublishAsync(topic, MessageKeys.Create(i), PingEvent.Create(i, i), TestTenants.Gms83));
        Assert.All(await Task.WhenAll(sends), Assert.True);

        await Eventually.WaitUntil(() => firstSeen.Count == count && secondSeen.Count == count, Patience, "both groups saw every message");
        Assert.All(firstSeen.Values.Concat(secondSeen.Values), n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Foreign_tenants_never_reach_a_handler()
    {
        var topic = NewTopic(_cluster);
        await using var bus = new KafkaMessageBus(TestContractRegistry.Instance, Options(_cluster));
        var tenantsSeen = new ConcurrentQueue<Tenant>();
        bus.Subscribe<PingEvent>(topic, (m, _) => { tenantsSeen.Enqueue(m.Tenant); return ValueTask.CompletedTask; });
        await StartAsync(bus);

        var sends = new List<Task<bool>>();
        for (var i = 0; i < 20; i++)
        {
            sends.Add(bus.PublishAsync(topic, MessageKeys.Create(9), PingEvent.Create(9, i), TestTenants.Foreign));
            sends.Add(bus.PublishAsync(topic, MessageKeys.Create(9), PingEvent.Create(9, i), TestTenants.Gms87));
            sends.Add(bus.PublishAsync(topic, MessageKeys.Create(9), PingEvent.Create(9, i), TestTenants.Gms83));
        }

        Assert.All(await Task.WhenAll(sends), Assert.True);
        await Eventually.WaitUntil(() => tenantsSeen.Count == 20 && bus.Stats.TenantFiltered == 40, Patience, "20 handled, 40 filtered");
        Assert.All(tenantsSeen, t => Assert.Equal(TestTenants.Gms83, t));
        Assert.Equal(0, bus.Stats.Undecodable);
    }

    [Fact]
    public async Task Same_key_stays_in_order_while_keys_are_handled_in_parallel()
    {
        const int perKey = 200;
        var topic = NewTopic(_cluster, partitions: 4);
        var options = Options(_cluster);
        // Room for everything: while key A's first message waits for key B, a full lane would (rightly) stop the
        // consume thread before B is read. This test is about parallelism and order, not backpressure.
        options.LaneCapacity = 4096;
        await using var bus = new KafkaMessageBus(TestContractRegistry.Instance, options);
        var keyA = 1;
        var keyB = Enumerable.Range(2, 100).First(k => bus.LaneSelector.LaneFor(MessageKeys.Create(k)) != bus.LaneSelector.LaneFor(MessageKeys.Create(keyA)));
        var characters = new[] { keyA, keyB }.Concat(Enumerable.Range(500, 8)).ToArray();
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastSeq = new ConcurrentDictionary<int, int>();
        var outOfOrder = 0;
        var handled = 0;
        bus.Subscribe<PingEvent>(topic, async (m, ct) =>
        {
            var (character, seq) = (m.Message.CharacterId, m.Message.Body.Seq);
            if (character == keyB && seq == 0)
                bStarted.TrySetResult();
            if (character == keyA && seq == 0)
                await bStarted.Task.WaitAsync(Patience, ct); // fails the test if lanes ran one at a time
            if (seq % 5 == 0)
                await Task.Yield();
            if (lastSeq.GetValueOrDefault(character, -1) != seq - 1)
                Interlocked.Increment(ref outOfOrder);
            lastSeq[character] = seq;
            Interlocked.Increment(ref handled);
        });
        await StartAsync(bus);

        var sends = new List<Task<bool>>();
        for (var seq = 0; seq < perKey; seq++)
        {
            foreach (var character in characters)
                sends.Add(bus.PublishAsync(topic, MessageKeys.Create(character), PingEvent.Create(character, seq), TestTenants.Gms83));
        }

        Assert.All(await Task.WhenAll(sends), Assert.True);
        await Eventually.WaitUntil(() => Volatile.Read(ref handled) == characters.Length * perKey, Patience, "every message handled");
        Assert.Equal(0, outOfOrder);
        Assert.Equal(0, bus.Stats.HandlerErrors);
    }

    [Fact]
    public async Task Unknown_type_is_skipped_and_counted()
    {
        var topic = NewTopic(_cluster);
        await using var bus = new KafkaMessageBus(TestContractRegistry.Instance, Options(_cluster));
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        bus.Subscribe<PingEvent>(topic, (m, _) => { received.TrySetResult(m.Message.Body.Seq); return ValueTask.CompletedTask; });
        await StartAsync(bus);
        var headers = new Headers();
        TenantHeaders.Write(headers, TestTenants.Gms83);

        Assert.True(await bus.PublishRawAsync(topic, MessageKeys.Create(4), """{"characterId":4,"type":"NOT_A_TYPE","body":{}}"""u8.ToArray(), headers));
        Assert.True(await bus.PublishAsync(topic, MessageKeys.Create(4), PingEvent.Create(4, 7), TestTenants.Gms83));

        Assert.Equal(7, await received.Task.Within(Patience, "the ping after the unknown type"));
        Assert.Equal(1, bus.Stats.UnknownType);
    }

    [Fact]
    public async Task Earliest_topics_start_at_the_beginning_then_at_the_committed_offset()
    {
        var earliestTopic = NewTopic(_cluster);
        var latestTopic = NewTopic(_cluster);
        var serviceId = Guid.NewGuid().ToString();
        await using (var producer = new KafkaMessageBus(TestContractRegistry.Instance, Options(_cluster)))
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await producer.PublishAsync(earliestTopic, MessageKeys.Create(1), PingEvent.Create(1, i), TestTenants.Gms83));
                Assert.True(await producer.PublishAsync(latestTopic, MessageKeys.Create(1), PingEvent.Create(1, i), TestTenants.Gms83));
            }
        }

        var firstRun = await RunUntilMarkerAsync(serviceId, earliestTopic, latestTopic);
        Assert.Equal([0, 1, 2, 3, 4, 100], firstRun.Earliest);
        Assert.Equal([100], firstRun.Latest);

        // Same group again: the committed offsets win over "earliest".
        var secondRun = await RunUntilMarkerAsync(serviceId, earliestTopic, latestTopic);
        Assert.Equal([100], secondRun.Earliest);
        Assert.Equal([100], secondRun.Latest);
    }

    private async Task<(List<int> Earliest, List<int> Latest)> RunUntilMarkerAsync(string serviceId, string earliestTopic, string latestTopic)
    {
        var options = Options(_cluster, serviceId);
        options.EarliestOffsetTopics = new HashSet<string> { earliestTopic };
        var earliest = new ConcurrentQueue<int>();
        var latest = new ConcurrentQueue<int>();
        await using var bus = new KafkaMessageBus(TestContractRegistry.Instance, options);
        bus.Subscribe<PingEvent>(earliestTopic, (m, _) => { earliest.Enqueue(m.Message.Body.Seq); return ValueTask.CompletedTask; });
        bus.Subscribe<PingEvent>(latestTopic, (m, _) => { latest.Enqueue(m.Message.Body.Seq); return ValueTask.CompletedTask; });
        await StartAsync(bus);

        Assert.True(await bus.PublishAsync(earliestTopic, MessageKeys.Create(1), PingEvent.Create(1, 100), TestTenants.Gms83));
        Assert.True(await bus.PublishAsync(latestTopic, MessageKeys.Create(1), PingEvent.Create(1, 100), TestTenants.Gms83));
        await Eventually.WaitUntil(() => earliest.Contains(100) && latest.Contains(100), Patience, "markers on both topics");
        await Eventually.WaitUntil(() => bus.CommittedOffset(earliestTopic, 0) > 0 && bus.CommittedOffset(latestTopic, 0) > 0, Patience, "offsets committed");
        await bus.StopAsync(CancellationToken.None);
        return ([.. earliest], [.. latest]);
    }
}
