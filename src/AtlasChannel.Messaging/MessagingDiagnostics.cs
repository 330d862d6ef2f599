using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AtlasChannel.Messaging;

/// <summary>The activity source and meter of the messaging layer (name "AtlasChannel.Messaging").</summary>
public static class MessagingDiagnostics
{
    public const string Name = "AtlasChannel.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Received = Meter.CreateCounter<long>("atlas.messaging.received", description: "Messages taken from a transport.");
    internal static readonly Counter<long> Dispatched = Meter.CreateCounter<long>("atlas.messaging.dispatched", description: "Messages handed to at least one handler.");
    internal static readonly Counter<long> TenantFiltered = Meter.CreateCounter<long>("atlas.messaging.tenant_filtered", description: "Messages dropped by the header tenant filter before decoding.");
    internal static readonly Counter<long> UnknownType = Meter.CreateCounter<long>("atlas.messaging.unknown_type", description: "Messages whose type the contract registry does not know.");
    internal static readonly Counter<long> Undecodable = Meter.CreateCounter<long>("atlas.messaging.undecodable", description: "Messages that could not be decoded.");
    internal static readonly Counter<long> Unhandled = Meter.CreateCounter<long>("atlas.messaging.unhandled", description: "Decoded messages no handler was registered for.");
    internal static readonly Counter<long> HandlerErrors = Meter.CreateCounter<long>("atlas.messaging.handler_errors", description: "Handler invocations that threw.");
    internal static readonly Counter<long> Published = Meter.CreateCounter<long>("atlas.messaging.published", description: "Messages acknowledged by the transport.");
    internal static readonly Counter<long> PublishFailed = Meter.CreateCounter<long>("atlas.messaging.publish_failed", description: "Messages the transport could not deliver.");

    internal static KeyValuePair<string, object?> TopicTag(string topicToken) => new("topic", topicToken);
}
