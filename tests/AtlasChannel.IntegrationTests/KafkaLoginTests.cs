namespace AtlasChannel.IntegrationTests;

/// <summary>Kafka mode: the channel and the sandbox peers talk through librdkafka's mock cluster over TCP.</summary>
public sealed class KafkaLoginTests : LoginTestsBase
{
    private protected override Task<ChannelHarness> StartAsync() => ChannelHarness.StartKafkaAsync();
}
