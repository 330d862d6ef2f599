using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging.Tests;

public sealed class TopicResolverTests
{
    [Fact]
    public void Uses_the_environment_variable_named_like_the_token()
    {
        var resolver = new TopicResolver(name => name == "EVENT_TOPIC_ASSET_STATUS" ? "prod.asset.status" : null, new RecordingLogger());

        Assert.Equal("prod.asset.status", resolver.Resolve("EVENT_TOPIC_ASSET_STATUS"));
        Assert.Equal("EVENT_TOPIC_ASSET_STATUS", resolver.TokenFor("prod.asset.status"));
    }

    [Fact]
    public void Defaults_to_the_token_and_logs_once()
    {
        var logger = new RecordingLogger();
        var resolver = new TopicResolver(_ => null, logger);

        Assert.Equal("COMMAND_TOPIC_CHARACTER", resolver.Resolve("COMMAND_TOPIC_CHARACTER"));
        Assert.Equal("COMMAND_TOPIC_CHARACTER", resolver.Resolve("COMMAND_TOPIC_CHARACTER"));

        var entry = Assert.Single(logger.Messages);
        Assert.Contains("COMMAND_TOPIC_CHARACTER", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_variable_counts_as_unset()
    {
        var resolver = new TopicResolver(_ => "", new RecordingLogger());

        Assert.Equal("EVENT_TOPIC_MAP_STATUS", resolver.Resolve("EVENT_TOPIC_MAP_STATUS"));
    }

    [Fact]
    public void Resolves_once_at_start_up()
    {
        var lookups = 0;
        var resolver = new TopicResolver(_ => { lookups++; return "x"; }, new RecordingLogger());

        resolver.ResolveAll(["A", "B"]);
        resolver.Resolve("A");
        resolver.Resolve("B");

        Assert.Equal(2, lookups);
    }

    [Fact]
    public void Unknown_topic_names_map_to_themselves()
    {
        var resolver = new TopicResolver(_ => null, new RecordingLogger());

        Assert.Equal("something", resolver.TokenFor("something"));
    }
}

internal sealed class RecordingLogger : ILogger
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Messages)
            Messages.Add(formatter(state, exception));
    }
}
