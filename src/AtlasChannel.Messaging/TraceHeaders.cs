using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace AtlasChannel.Messaging;

/// <summary>W3C trace context propagation (<c>traceparent</c>, <c>tracestate</c>) over Kafka headers.</summary>
public static class TraceHeaders
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>Writes the headers for <paramref name="activity"/> (usually <see cref="Activity.Current"/>) when it has a W3C id.</summary>
    public static void Inject(Headers headers, Activity? activity)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || activity.Id is not { } id)
            return;

        headers.Add(TraceParent, Encoding.ASCII.GetBytes(id));
        if (activity.TraceStateString is { Length: > 0 } state)
            headers.Add(TraceState, Encoding.UTF8.GetBytes(state));
    }

    /// <summary>The remote parent carried by the headers, or <c>default</c> when absent or malformed.</summary>
    public static ActivityContext Extract(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(TraceParent, out var parentBytes) || parentBytes is null)
            return default;

        string? state = null;
        if (headers.TryGetLastBytes(TraceState, out var stateBytes) && stateBytes is { Length: > 0 })
            state = Encoding.UTF8.GetString(stateBytes);

        return ActivityContext.TryParse(Encoding.ASCII.GetString(parentBytes), state, isRemote: true, out var context)
            ? context
            : default;
    }
}
