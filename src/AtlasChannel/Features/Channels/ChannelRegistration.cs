using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Channels;

/// <summary>
/// Keeps every hosted channel registered with the world service's channel registry (spec/rest/startup.md steps 7 and
/// 10): once the listeners are bound, every heartbeat interval (the registry expires entries after 15 s), and whenever
/// <c>COMMAND_TOPIC_CHANNEL_STATUS</c> asks (channel.md; compared on tenant id only).
/// </summary>
public sealed partial class ChannelRegistration(
    ChannelTopology topology,
    ChannelRegistryPeer registry,
    ISessionRegistry sessions,
    ILogger<ChannelRegistration> logger) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<ChannelStatusCommand>(Topics.CommandChannelStatus, async (message, cancellationToken) =>
        {
            var tenant = topology.FindTenant(message.Tenant.Id);
            if (tenant is not null)
                await RegisterAsync(tenant.Servers, cancellationToken);
        });
    }

    public Task RegisterAllAsync(CancellationToken cancellationToken) => RegisterAsync(topology.Servers, cancellationToken);

    private async Task RegisterAsync(IEnumerable<ChannelServer> servers, CancellationToken cancellationToken)
    {
        await Task.WhenAll(servers.Select(async server =>
        {
            try
            {
                // Atlas always reports 0; the live count is more useful to the login server and costs nothing.
                var live = sessions.All.Count(s => s.Server == server);
                var status = await registry.RegisterAsync(server, live, cancellationToken);
                LogRegistered(logger, server.WorldId, server.ChannelId, server.Port, status);
            }
            catch (PeerException ex)
            {
                LogRegistrationFailed(logger, server.WorldId, server.ChannelId, ex.Message);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Registered world {World} channel {Channel} (port {Port}) with the channel registry: HTTP {Status}")]
    private static partial void LogRegistered(ILogger logger, byte world, byte channel, int port, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel registration of world {World} channel {Channel} failed: {Reason}; the next heartbeat retries")]
    private static partial void LogRegistrationFailed(ILogger logger, byte world, byte channel, string reason);
}
