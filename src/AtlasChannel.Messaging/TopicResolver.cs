using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging;

/// <summary>
/// Maps topic tokens (e.g. <c>EVENT_TOPIC_ASSET_STATUS</c>) to Kafka topic names: the environment variable named
/// like the token when set, otherwise the token itself. Each token is resolved once and cached; unlike the Go
/// producer we do not re-read the environment on every produce.
/// </summary>
public sealed partial class TopicResolver
{
    private readonly Func<string, string?> _environment;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, string> _tokenToTopic = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _topicToToken = new(StringComparer.Ordinal);

    public TopicResolver(ILogger<TopicResolver> logger)
        : this(Environment.GetEnvironmentVariable, logger)
    {
    }

    public TopicResolver(Func<string, string?> environment, ILogger logger)
    {
        _environment = environment;
        _logger = logger;
    }

    /// <summary>Resolves a set of tokens up front (start-up), so later lookups never touch the environment.</summary>
    public void ResolveAll(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
            Resolve(token);
    }

    public string Resolve(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (_tokenToTopic.TryGetValue(token, out var topic))
            return topic;

        topic = _environment(token) is { Length: > 0 } configured ? configured : Default(token);
        topic = _tokenToTopic.GetOrAdd(token, topic);
        _topicToToken.TryAdd(topic, token);
        return topic;
    }

    /// <summary>The token a consumed topic name was resolved from; the name itself when unknown.</summary>
    public string TokenFor(string topicName) =>
        _topicToToken.TryGetValue(topicName, out var token) ? token : topicName;

    private string Default(string token)
    {
        LogDefaulting(_logger, token);
        return token;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Environment variable {Token} not set. Defaulting to the token as topic name.")]
    private static partial void LogDefaulting(ILogger logger, string token);
}
