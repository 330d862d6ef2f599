using System.Collections.Concurrent;
using AtlasChannel.Messaging.Kafka;
using AtlasChannel.Testing.Kafka;
using static AtlasChannel.Messaging.Tests.KafkaTestSupport;

namespace AtlasChannel.Messaging.Tests;

/// <summary>A broker outage, on a cluster of its own so the fault cannot disturb other tests.</summary>
public sealed class KafkaBrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Commands_published_while_the_broker_is_down_are_delivered_once_and_consumption_resumes()
    {
        const int before = 50;
        const int during = 100;
        using var cluster = new MockKafkaCluster(brokerCount: 1);
        var topic = NewTopic(cluster, partitions: 2);
        var seen = new ConcurrentDictionary<int, int>();
        await using (var bus = new KafkaMessageBus(TestContractRegistry.Instance, Options(cluster)))
        {
            bus.Subscribe<PingEvent>(topic, (m, _) => { seen.AddOrUpdate(m.Message.Body.Seq, 1, (_, n) => n + 1); return ValueTask.CompletedTask; });
            await StartAsync(bus);

            var first = Enumerable.Range(0, before).Select(i => Publish(bus, topic, i)).ToArray();
            Assert.All(await Task.WhenAll(first), Assert.True);
            await Eventually.WaitUntil(() => seen.Count == before, Patience, "first batch consumed");
            await Eventually.WaitUntil(() => (bus.CommittedOffset(topic, 0) ?? 0) + (bus.CommittedOffset(topic, 1) ?? 0) == before, Patience, "first batch committed");

            cluster.SetBrokerDown(1);
            var second = Enumerable.Range(before, during).Select(i => Publish(bus, topic, i)).ToArray();
            // The outage itself is the fault being injected; nothing can be delivered while it lasts.
            await Task.Delay(Outage);
            Assert.DoesNotContain(second, t => t.IsCompleted);
            cluster.SetBrokerUp(1);

            Assert.All(await Task.WhenAll(second).Within(Patience, "delivery after the broker came back"), Assert.True);
            await Eventually.WaitUntil(() => seen.Count == before + during, Patience, "second batch consumed");

            // A sentinel behind everything on both partitions: once it arrives, any duplicate would have arrived too.
            var sentinels = new[] { Publish(bus, topic, 10_000, key: 0), Publish(bus, topic, 10_001, key: 1) };
            Assert.All(await Task.WhenAll(sentinels), Assert.True);
            await Eventually.WaitUntil(() => seen.ContainsKey(10_000) && seen.ContainsKey(10_001), Patience, "sentinels consumed");
            Assert.Equal(0, bus.Stats.PublishFailed);
        }

        Assert.Equal(before + during + 2, seen.Count);
        Assert.All(seen, pair => Assert.True(pair.Value == 1, $"seq {pair.Key} handled {pair.Value} times"));
    }

    private static Task<bool> Publish(KafkaMessageBus bus, string topic, int seq, int? key = null) =>
        bus.PublishAsync(topic, MessageKeys.Create(key ?? seq % 2), PingEvent.Create(key ?? seq % 2, seq), TestTenants.Gms83);
}
