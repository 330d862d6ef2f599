using System.Collections.Frozen;
using Confluent.Kafka;

namespace AtlasChannel.Messaging.Dispatch;

/// <summary>
/// Handlers by (topic token, record type). Copy-on-write: registration is rare (start-up, server instances
/// coming and going), lookups happen for every message and take no lock.
/// </summary>
internal sealed class HandlerRegistry
{
    private readonly Lock _gate = new();
    private FrozenDictionary<string, FrozenDictionary<Type, HandlerGroup>> _byTopic =
        FrozenDictionary<string, FrozenDictionary<Type, HandlerGroup>>.Empty;

    /// <summary>Raised (under the registration lock) before a topic gets its first handler; may throw to refuse it.</summary>
    public Action<string>? NewTopicGuard { get; set; }

    public IReadOnlyCollection<string> Topics => _byTopic.Keys;

    public bool HasTopic(string topicToken) => _byTopic.ContainsKey(topicToken);

    public HandlerGroup? Find(string topicToken, Type recordType) =>
        _byTopic.TryGetValue(topicToken, out var byType) && byType.TryGetValue(recordType, out var group) ? group : null;

    public IDisposable Add<T>(string topicToken, Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(topicToken);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            if (!_byTopic.ContainsKey(topicToken))
                NewTopicGuard?.Invoke(topicToken);
            Update(topicToken, typeof(T), group => ((HandlerGroup<T>?)group ?? HandlerGroup<T>.Empty).With(handler));
        }

        return new Registration(() =>
        {
            lock (_gate)
                Update(topicToken, typeof(T), group => ((HandlerGroup<T>?)group)?.Without(handler));
        });
    }

    private void Update(string topicToken, Type recordType, Func<HandlerGroup?, HandlerGroup?> change)
    {
        var topics = new Dictionary<string, FrozenDictionary<Type, HandlerGroup>>(_byTopic, StringComparer.Ordinal);
        var types = topics.TryGetValue(topicToken, out var existing) ? new Dictionary<Type, HandlerGroup>(existing) : [];
        var updated = change(types.GetValueOrDefault(recordType));
        if (updated is null || updated.IsEmpty)
            types.Remove(recordType);
        else
            types[recordType] = updated;

        // A topic stays registered once seen: the Kafka subscription is fixed at start.
        topics[topicToken] = types.ToFrozenDictionary();
        _byTopic = topics.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}

/// <summary>What the pipeline knows about a message before it is typed for a handler.</summary>
internal readonly record struct DispatchContext(string TopicToken, string? Type, Tenant Tenant, ReadOnlyMemory<byte> Key, Headers Headers);

/// <summary>All handlers of one (topic, record type); invokes them in registration order.</summary>
internal abstract class HandlerGroup
{
    public abstract bool IsEmpty { get; }

    /// <summary>Runs every handler; an exception from one is reported to <paramref name="errors"/> and the rest still run.</summary>
    public abstract ValueTask InvokeAsync(DispatchContext context, object message, IHandlerErrorSink errors, CancellationToken cancellationToken);
}

internal interface IHandlerErrorSink
{
    void OnHandlerError(in DispatchContext context, Exception exception);
}

internal sealed class HandlerGroup<T>(Func<ConsumedMessage<T>, CancellationToken, ValueTask>[] handlers) : HandlerGroup
    where T : class
{
    public static readonly HandlerGroup<T> Empty = new([]);

    public override bool IsEmpty => handlers.Length == 0;

    public HandlerGroup<T> With(Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler) => new([.. handlers, handler]);

    public HandlerGroup<T> Without(Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
    {
        var index = Array.IndexOf(handlers, handler);
        return index < 0 ? this : new HandlerGroup<T>([.. handlers[..index], .. handlers[(index + 1)..]]);
    }

    public override async ValueTask InvokeAsync(DispatchContext context, object message, IHandlerErrorSink errors, CancellationToken cancellationToken)
    {
        var consumed = new ConsumedMessage<T>(context.TopicToken, context.Type, context.Tenant, context.Key, context.Headers, (T)message);
        foreach (var handler in handlers)
        {
            try
            {
                await handler(consumed, cancellationToken);
            }
#pragma warning disable CA1031 // A handler bug must never stop the lane.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.OnHandlerError(context, ex);
            }
        }
    }
}
