using System.Collections.Frozen;

namespace AtlasChannel.Messaging;

public enum TenantFilterPolicy
{
    /// <summary>Id, region, major and minor must equal a served tenant (the default for almost every topic).</summary>
    FullMatch,

    /// <summary>Only the tenant id must equal a served tenant's id (<c>COMMAND_TOPIC_CHANNEL_STATUS</c>).</summary>
    IdOnly,

    /// <summary>No tenant check (<c>EVENT_TOPIC_TRANSPORT_STATUS</c>).</summary>
    None,
}

/// <summary>Header-first tenant filter: decides from the tenant headers alone whether a message is for this process.</summary>
public sealed class TenantFilter
{
    private readonly FrozenSet<Tenant> _tenants;
    private readonly FrozenSet<Guid> _tenantIds;
    private readonly FrozenDictionary<string, TenantFilterPolicy> _policies;

    public TenantFilter(IEnumerable<Tenant> servedTenants, IEnumerable<KeyValuePair<string, TenantFilterPolicy>> policies)
    {
        _tenants = servedTenants.ToFrozenSet();
        _tenantIds = _tenants.Select(t => t.Id).ToFrozenSet();
        _policies = policies.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static TenantFilter From(MessagingOptions options) => new(options.ServedTenants, options.TenantFilterPolicies);

    public TenantFilterPolicy PolicyFor(string topicToken) =>
        _policies.TryGetValue(topicToken, out var policy) ? policy : TenantFilterPolicy.FullMatch;

    public bool Accepts(string topicToken, in Tenant tenant) => PolicyFor(topicToken) switch
    {
        TenantFilterPolicy.None => true,
        TenantFilterPolicy.IdOnly => _tenantIds.Contains(tenant.Id),
        _ => _tenants.Contains(tenant),
    };
}
