using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging.Kafka;

/// <summary>Routes librdkafka's own log lines and error events into ILogger.</summary>
internal static partial class KafkaLog
{
    public static void Write(ILogger logger, LogMessage log)
    {
        var level = log.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Warning,
            SyslogLevel.Warning or SyslogLevel.Notice => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        LogClient(logger, level, log.Name, log.Facility, log.Message);
    }

    public static void Error(ILogger logger, string client, Error error)
    {
        if (error.IsFatal)
            LogFatal(logger, client, error.Code, error.Reason);
        else
            LogTransient(logger, client, error.Code, error.Reason);
    }

    [LoggerMessage(Message = "librdkafka {Client} [{Facility}]: {Text}")]
    private static partial void LogClient(ILogger logger, LogLevel level, string client, string facility, string text);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Fatal Kafka {Client} error {Code}: {Reason}")]
    private static partial void LogFatal(ILogger logger, string client, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka {Client} error {Code} (librdkafka retries): {Reason}")]
    private static partial void LogTransient(ILogger logger, string client, ErrorCode code, string reason);
}
