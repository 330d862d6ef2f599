using AtlasChannel.Messaging.Kafka;
using AtlasChannel.Testing.Kafka;

namespace AtlasChannel.Messaging.Tests;

public sealed class MockKafkaClusterFixture : IDisposable
{
    internal MockKafkaCluster Cluster { get; } = new(brokerCount: 1);

    public void Dispose() => Cluster.Dispose();
}

internal static class KafkaTestSupport
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string NewTopic(MockKafkaCluster cluster, int partitions = 1)
    {
        var token = $"EVENT_TOPIC_TEST_{Guid.NewGuid():N}";
        cluster.CreateTopic(token, partitions);
        return token;
    }

    public static MessagingOptions Options(MockKafkaCluster cluster, string? serviceId = null) => new()
    {
        BootstrapServers = cluster.BootstrapServers,
        ServiceId = serviceId ?? Guid.NewGuid().ToString(),
        ServedTenants = [TestTenants.Gms83],
        LaneCount = 4,
        LaneCapacity = 64,
        AutoCommitInterval = TimeSpan.FromMilliseconds(100),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        ConsumerSettings = new Dictionary<string, string>
        {
            ["session.timeout.ms"] = "2000",
            ["heartbeat.interval.ms"] = "200",
            ["fetch.wait.max.ms"] = "10",
            ["reconnect.backoff.max.ms"] = "200",
        },
        ProducerSettings = new Dictionary<string, string>
        {
            ["linger.ms"] = "1",
            ["reconnect.backoff.max.ms"] = "200",
        },
    };

    public static async Task<KafkaMessageBus> StartAsync(KafkaMessageBus bus)
    {
        await bus.StartAsync(CancellationToken.None);
        await bus.CaughtUp.Within(Patience, "consumer assigned and at the end of its partitions");
        return bus;
    }
}
