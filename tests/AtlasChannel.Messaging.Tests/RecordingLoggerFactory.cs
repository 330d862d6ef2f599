using Microsoft.Extensions.Logging;

namespace AtlasChannel.Messaging.Tests;

internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly RecordingLogger _logger = new();

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_logger.Messages)
                return [.. _logger.Messages];
        }
    }

    public int Count(string fragment) => Messages.Count(m => m.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => _logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
