using AtlasChannel.Messaging;

namespace AtlasChannel.Features;

/// <summary>A feature's Kafka side: it subscribes its event handlers by (topic token, contract type) before the bus starts.</summary>
public interface IEventHandlers
{
    void Subscribe(IMessageSubscriber subscriber);
}
