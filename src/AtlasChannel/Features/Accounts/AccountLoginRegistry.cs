using System.Collections.Concurrent;

namespace AtlasChannel.Features.Accounts;

/// <summary>
/// Which accounts are logged in, per tenant (spec/protocol/session-lifecycle.md §4): seeded from the ACCOUNTS list at
/// start-up and kept current from <c>EVENT_TOPIC_ACCOUNT_STATUS</c>. Backs <c>LoggedInValidator</c>.
/// </summary>
public sealed class AccountLoginRegistry
{
    private readonly ConcurrentDictionary<(Guid Tenant, int Account), bool> _loggedIn = new();

    public bool IsLoggedIn(Guid tenantId, int accountId) =>
        accountId != 0 && _loggedIn.TryGetValue((tenantId, accountId), out var loggedIn) && loggedIn;

    public void Set(Guid tenantId, int accountId, bool loggedIn)
    {
        if (loggedIn)
            _loggedIn[(tenantId, accountId)] = true;
        else
            _loggedIn.TryRemove((tenantId, accountId), out _);
    }

    public int CountLoggedIn(Guid tenantId) => _loggedIn.Keys.Count(k => k.Tenant == tenantId);
}
