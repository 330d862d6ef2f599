namespace AtlasChannel.Messaging;

/// <summary>Per-bus counters mirrored from the meter, so tests and health endpoints can read them in-process.</summary>
public sealed class MessagingStats
{
    private long _received;
    private long _dispatched;
    private long _tenantFiltered;
    private long _unknownType;
    private long _undecodable;
    private long _unhandled;
    private long _handlerErrors;
    private long _published;
    private long _publishFailed;

    public MessagingStatsSnapshot Snapshot() => new(
        Volatile.Read(ref _received),
        Volatile.Read(ref _dispatched),
        Volatile.Read(ref _tenantFiltered),
        Volatile.Read(ref _unknownType),
        Volatile.Read(ref _undecodable),
        Volatile.Read(ref _unhandled),
        Volatile.Read(ref _handlerErrors),
        Volatile.Read(ref _published),
        Volatile.Read(ref _publishFailed));

    internal void OnReceived(string topic) => Count(ref _received, MessagingDiagnostics.Received, topic);

    internal void OnDispatched(string topic) => Count(ref _dispatched, MessagingDiagnostics.Dispatched, topic);

    internal void OnTenantFiltered(string topic) => Count(ref _tenantFiltered, MessagingDiagnostics.TenantFiltered, topic);

    internal void OnUnknownType(string topic) => Count(ref _unknownType, MessagingDiagnostics.UnknownType, topic);

    internal void OnUndecodable(string topic) => Count(ref _undecodable, MessagingDiagnostics.Undecodable, topic);

    internal void OnUnhandled(string topic) => Count(ref _unhandled, MessagingDiagnostics.Unhandled, topic);

    internal void OnHandlerError(string topic) => Count(ref _handlerErrors, MessagingDiagnostics.HandlerErrors, topic);

    internal void OnPublished(string topic) => Count(ref _published, MessagingDiagnostics.Published, topic);

    internal void OnPublishFailed(string topic) => Count(ref _publishFailed, MessagingDiagnostics.PublishFailed, topic);

    private static void Count(ref long field, System.Diagnostics.Metrics.Counter<long> counter, string topic)
    {
        Interlocked.Increment(ref field);
        if (counter.Enabled)
            counter.Add(1, MessagingDiagnostics.TopicTag(topic));
    }
}

public readonly record struct MessagingStatsSnapshot(
    long Received,
    long Dispatched,
    long TenantFiltered,
    long UnknownType,
    long Undecodable,
    long Unhandled,
    long HandlerErrors,
    long Published,
    long PublishFailed);
