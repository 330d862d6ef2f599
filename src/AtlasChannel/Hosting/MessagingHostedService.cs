using AtlasChannel.Features;
using AtlasChannel.Messaging;
using AtlasChannel.Messaging.Kafka;
using Microsoft.Extensions.Hosting;

namespace AtlasChannel.Hosting;

/// <summary>Subscribes every feature's event handlers, then starts the bus; on stop, drains it and flushes the producer.</summary>
public sealed class MessagingHostedService(IMessageBus bus, IEnumerable<IEventHandlers> features, ReadinessState readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var feature in features)
            feature.Subscribe(bus);
        await bus.StartAsync(cancellationToken);
        readiness.TrackConsumer(bus is KafkaMessageBus kafka ? kafka.CaughtUp : Task.CompletedTask);
    }

    public Task StopAsync(CancellationToken cancellationToken) => bus.StopAsync(cancellationToken);
}
