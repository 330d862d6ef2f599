using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;

namespace AtlasChannel.Peers;

/// <summary>ACCOUNTS: the account list that seeds the logged-in registry (spec/rest/accounts.md).</summary>
public sealed class AccountPeer(PeerHttp http)
{
    /// <summary>(account id, logged in) for every account of the tenant.</summary>
    public async Task<IReadOnlyList<(int AccountId, bool LoggedIn)>> ListAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        // The server route is accounts/ (the Go client's accounts gets a 301 to it).
        var body = await http.GetAsync(PeerRoots.Accounts, "accounts/", tenant, cancellationToken) ?? [];
        if (body.Length == 0)
            return [];
        return [.. JsonApiDocument.Parse(body).Collection("accounts")
            .Select(a => (int.TryParse(a.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0,
                          (a.Attributes.LongOrNull("loggedIn") ?? 0) > 0))
            .Where(a => a.Item1 > 0)];
    }
}
