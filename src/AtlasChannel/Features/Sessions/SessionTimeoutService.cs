using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Sessions;

/// <summary>
/// The service configuration's <c>timeout</c> task (session-lifecycle.md §7): every interval, sessions whose last
/// handled packet is older than the idle limit are destroyed.
/// </summary>
public sealed partial class SessionTimeoutService(ChannelTopology topology, SessionRegistry registry, TimeProvider clock, ILogger<SessionTimeoutService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = topology.SessionTimeout;
        using var timer = new PeriodicTimer(settings.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            CloseIdle(settings.IdleLimit);
    }

    public int CloseIdle(TimeSpan idleLimit)
    {
        var cutoff = clock.GetUtcNow() - idleLimit;
        var closed = 0;
        foreach (var session in registry.All)
        {
            if (session.LastPacketAt >= cutoff)
                continue;
            LogIdle(logger, session.Id, idleLimit.TotalSeconds);
            session.Close("idle timeout");
            closed++;
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} idle for more than {Seconds} s; closing it")]
    private static partial void LogIdle(ILogger logger, Guid sessionId, double seconds);
}
