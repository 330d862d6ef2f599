using AtlasChannel.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging;

/// <summary>
/// The transport-independent half of publishing: serialise through the contract registry and build the tenant and
/// trace headers. A record that cannot be serialised is counted and logged with its content, never thrown.
/// </summary>
internal static partial class OutboundMessage
{
    public static bool TryEncode(
        IContractRegistry registry,
        MessagingStats stats,
        ILogger logger,
        string topicToken,
        ReadOnlyMemory<byte> key,
        object message,
        Tenant? tenant,
        out byte[] value,
        out Headers headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicToken);
        ArgumentNullException.ThrowIfNull(message);
        headers = new Headers();
        try
        {
            value = registry.Serialize(message);
        }
#pragma warning disable CA1031 // Publishing never throws; the failure is logged with its content.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            value = [];
            stats.OnPublishFailed(topicToken);
            LogSerializationFailed(logger, ex, topicToken, MessageKeys.Describe(key.Span), message.ToString());
            return false;
        }

        if (tenant is { } t)
            TenantHeaders.Write(headers, t);
        TraceHeaders.Inject(headers, System.Diagnostics.Activity.Current);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not serialise a message for {Topic} (key {Key}): {Content}")]
    private static partial void LogSerializationFailed(ILogger logger, Exception exception, string topic, string key, string? content);
}
