using Microsoft.Extensions.Hosting;

namespace AtlasChannel.Messaging;

/// <summary>Publishes contract records (commands and events) to a topic.</summary>
public interface ICommandPublisher
{
    /// <summary>
    /// Serialises <paramref name="message"/> through the contract registry, adds tenant and trace headers and sends it.
    /// Completes when the transport acknowledged the message (Kafka: delivery report). Never throws for delivery
    /// problems: failures are logged with topic, key and content and the result is <c>false</c>, so callers may
    /// fire and forget.
    /// </summary>
    /// <param name="tenant">Tenant headers to write; <c>null</c> writes none (spec §3.1).</param>
    Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default);
}

/// <summary>Registers handlers by (topic token, contract record type).</summary>
public interface IMessageSubscriber
{
    /// <summary>
    /// Adds a handler for records of type <typeparamref name="T"/> decoded from <paramref name="topicToken"/>.
    /// Several handlers may share a (topic, type); each sees every matching message. Dispose the result to remove it.
    /// </summary>
    IDisposable Subscribe<T>(string topicToken, Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class;
}

/// <summary>A transport: publisher, subscriber and hosted lifetime in one.</summary>
public interface IMessageBus : ICommandPublisher, IMessageSubscriber, IHostedService, IAsyncDisposable
{
    MessagingStatsSnapshot Stats { get; }
}
