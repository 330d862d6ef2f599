using AtlasChannel.Messaging;
using AtlasChannel.Messaging.InMemory;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// Publishes what a peer service would produce. Peer-only records (unknown to the channel's registry) are encoded
/// here and injected as raw bytes on an in-memory bus, exactly as a real peer's bytes would arrive.
/// </summary>
internal sealed partial class PeerPublisher(IMessageBus bus, ILogger<PeerPublisher> logger)
{
    public async ValueTask PublishAsync(string topicToken, byte[] key, object message, Tenant tenant, CancellationToken cancellationToken)
    {
        bool delivered;
        if (PeerContracts.IsPeerOnly(message.GetType()) && bus is InMemoryMessageBus memory)
        {
            var headers = new Headers();
            TenantHeaders.Write(headers, tenant);
            TraceHeaders.Inject(headers, System.Diagnostics.Activity.Current);
            delivered = memory.PublishRaw(topicToken, key, PeerContracts.Serialize(message), headers);
        }
        else
        {
            delivered = await bus.PublishAsync(topicToken, key, message, tenant, cancellationToken);
        }

        if (delivered)
            LogPublished(logger, topicToken, message);
        else
            LogNotDelivered(logger, topicToken, message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox published to {Topic}: {Message}")]
    private static partial void LogPublished(ILogger logger, string topic, object message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox could not publish to {Topic}: {Message}")]
    private static partial void LogNotDelivered(ILogger logger, string topic, object message);
}
