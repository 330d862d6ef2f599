using AtlasChannel.Messaging;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// One fake peer service: it subscribes its own handlers and never lets an exception escape one (a handler failure
/// is logged and the message dropped, as a real service would skip a poison message).
/// </summary>
internal abstract partial class PeerService(SandboxOptions options, ILogger logger) : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    protected SandboxOptions Options => options;

    protected ILogger Logger => logger;

    public void Subscribe(IMessageSubscriber subscriber)
    {
        foreach (var subscription in CreateSubscriptions(subscriber))
            _subscriptions.Add(subscription);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
        _subscriptions.Clear();
    }

    protected abstract IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber);

    /// <summary>Wraps a handler: drops foreign-tenant messages and contains every failure.</summary>
    protected Func<ConsumedMessage<T>, CancellationToken, ValueTask> Guarded<T>(Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class =>
        async (message, cancellationToken) =>
        {
            if (message.Tenant != options.Tenant)
            {
                LogForeignTenant(logger, message.TopicToken, message.Tenant);
                return;
            }

            try
            {
                await handler(message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down.
            }
#pragma warning disable CA1031 // A fake peer must never take the bus lane down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, message.TopicToken, message.Type);
            }
        };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox ignores {Topic} for foreign tenant {Tenant}")]
    private static partial void LogForeignTenant(ILogger logger, string topic, Tenant tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox handler for {Topic} {Type} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic, string? type);
}
