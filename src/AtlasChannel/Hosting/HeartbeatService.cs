using AtlasChannel.Features.Channels;
using Microsoft.Extensions.Hosting;

namespace AtlasChannel.Hosting;

/// <summary>Registers the channels once the listeners are bound, then every heartbeat interval.</summary>
public sealed class HeartbeatService(ChannelRegistration registration, ReadinessState readiness, ChannelHostOptions options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.ListenersBound.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.HeartbeatInterval, clock);
        do
        {
            await registration.RegisterAllAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
