using Confluent.Kafka;

namespace AtlasChannel.Messaging.Dispatch;

/// <summary>Told when a message has left the pipeline (handled, filtered or skipped), so its offset may be committed.</summary>
internal interface IInboundCompletion
{
    void OnCompleted(object? source, long offset);
}

/// <summary>A raw message from a transport, before filtering and decoding.</summary>
internal readonly record struct InboundMessage(
    string TopicToken,
    byte[]? Key,
    Headers Headers,
    byte[]? Value,
    IInboundCompletion? Completion = null,
    object? Source = null,
    long Offset = 0)
{
    public void Complete() => Completion?.OnCompleted(Source, Offset);
}

/// <summary>A message that passed the tenant filter, queued on a lane.</summary>
internal readonly record struct LaneItem(InboundMessage Message, Tenant Tenant);
