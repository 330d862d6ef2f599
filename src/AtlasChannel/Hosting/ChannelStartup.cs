using AtlasChannel.Features.Accounts;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Hosting;

/// <summary>
/// Per-tenant start-up (spec/rest/startup.md steps 3–5): handler tables from the tenant templates, the logged-in
/// account registry seeded from ACCOUNTS (a failure is logged and the tenant starts empty, as in Atlas), and a summary
/// of what each tenant template binds that this service does not implement yet.
/// </summary>
public sealed partial class ChannelStartup(
    ChannelTopology topology,
    PacketDispatcher dispatcher,
    IEnumerable<IPacketHandler> handlers,
    AccountPeer accountsPeer,
    AccountLoginRegistry accounts,
    ILogger<ChannelStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var implemented = handlers.ToList();
        foreach (var tenant in topology.Tenants)
        {
            var table = HandlerTable.Build(tenant.Opcodes, implemented);
            dispatcher.Register(tenant.Tenant.Id, table);
            foreach (var problem in table.Problems.Concat(tenant.Opcodes.Problems))
                LogTemplateProblem(logger, tenant.Tenant.Id, problem);
            var version = tenant.Version.ToString();
            var channelMissing = table.NotImplemented.Where(ChannelHandlerNames.All.Contains).ToList();
            var missing = string.Join(", ", channelMissing);
            LogTenant(logger, tenant.Tenant.Id, version, table.Count, channelMissing.Count, missing);

            try
            {
                var list = await accountsPeer.ListAsync(tenant.Tenant, cancellationToken);
                foreach (var (accountId, loggedIn) in list)
                    accounts.Set(tenant.Tenant.Id, accountId, loggedIn);
                var loggedInCount = list.Count(a => a.LoggedIn);
                LogAccountsSeeded(logger, tenant.Tenant.Id, list.Count, loggedInCount);
            }
            catch (Exception ex) when (ex is PeerException or Contracts.Rest.JsonApiFormatException)
            {
                LogAccountsFailed(logger, tenant.Tenant.Id, ex.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} ({Version}): {Handled} client opcodes handled; {Missing} channel handlers bound by the template but not implemented yet: {Names}")]
    private static partial void LogTenant(ILogger logger, Guid tenantId, string version, int handled, int missing, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} template: {Problem}")]
    private static partial void LogTemplateProblem(ILogger logger, Guid tenantId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: {Count} accounts known, {LoggedIn} logged in")]
    private static partial void LogAccountsSeeded(ILogger logger, Guid tenantId, int count, int loggedIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: account list unavailable ({Reason}); starting with no logged-in accounts")]
    private static partial void LogAccountsFailed(ILogger logger, Guid tenantId, string reason);
}
