using AtlasChannel.Features.Login;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Hosting;

/// <summary>
/// Graceful shutdown, run when the host starts stopping and before the bus stops: every live session is closed, which
/// sends its LOGOUT (and DESTROYED); then waits, bounded, until those commands have been handed to the bus so the
/// bus's flush delivers them.
/// </summary>
public sealed partial class SessionDrain(SessionRegistry registry, SessionLifecycle lifecycle, TimeProvider clock, ILogger<SessionDrain> logger)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public async Task DrainAsync()
    {
        var live = registry.Count;
        LogDraining(logger, live);
        foreach (var session in registry.All)
            session.Close("service stopping");

        var deadline = clock.GetUtcNow() + Deadline;
        while ((registry.Count > 0 || lifecycle.InFlight > 0) && clock.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(20), clock);
        if (registry.Count > 0 || lifecycle.InFlight > 0)
            LogDeadline(logger, registry.Count, lifecycle.InFlight);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: closing {Count} live sessions (logout commands follow)")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: gave up waiting with {Sessions} sessions and {Publishes} logout publishes outstanding")]
    private static partial void LogDeadline(ILogger logger, int sessions, int publishes);
}
