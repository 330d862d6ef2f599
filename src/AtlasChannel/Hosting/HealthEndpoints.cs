using AtlasChannel.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AtlasChannel.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (listeners bound, consumer assigned).</summary>
public static class HealthEndpoints
{
    public static void MapChannelHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health/live", () => Results.Text("live\n"));
        app.MapGet("/health/ready", (ReadinessState readiness, ISessionRegistry sessions) =>
            readiness.IsReady
                ? Results.Text($"ready: {sessions.Count} sessions\n")
                : Results.Text(
                    $"not ready: listeners {(readiness.ListenersBound.IsCompletedSuccessfully ? "bound" : "pending")}, consumer {(readiness.ConsumerAssigned.IsCompletedSuccessfully ? "assigned" : "pending")}\n",
                    statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
