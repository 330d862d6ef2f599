namespace AtlasChannel.Sandbox.Data;

internal sealed record AccountInfo(uint Id, string Name, byte Gender);

/// <summary>
/// The accounts that exist: one per fixture character (named after it, lower case) and one per generated character
/// (account id = character id).
/// </summary>
internal sealed class AccountCatalog
{
    private readonly Dictionary<uint, AccountInfo> _fixtureAccounts = [];
    private readonly GeneratedCharacters _generated;
    private readonly HashSet<uint> _handedOver;

    public AccountCatalog(CharacterCatalog characters, IEnumerable<uint> handedOverAccountIds)
    {
        _generated = characters.Generated;
        foreach (var character in characters.FixtureCharacters)
            _fixtureAccounts.TryAdd(character.AccountId, new AccountInfo(character.AccountId, character.Name.ToLowerInvariant(), character.Gender));
        _handedOver = [.. handedOverAccountIds];
    }

    /// <summary>Every account in id order (fixture accounts, then the generated range).</summary>
    public IEnumerable<AccountInfo> All()
    {
        foreach (var account in _fixtureAccounts.Values.OrderBy(a => a.Id))
            yield return account;
        for (var id = _generated.First; id <= _generated.Last; id++)
        {
            if (!_fixtureAccounts.ContainsKey(id))
                yield return Generated(id);
        }
    }

    public bool TryGet(uint id, out AccountInfo account)
    {
        if (_fixtureAccounts.TryGetValue(id, out account!))
            return true;
        if (_generated.Contains(id))
        {
            account = Generated(id);
            return true;
        }

        return false;
    }

    /// <summary>Sandbox policy: the login server has just handed these accounts to a channel, at any time.</summary>
    public bool IsHandedOver(uint id) => _handedOver.Contains(id) || _generated.Contains(id);

    private static AccountInfo Generated(uint id) => new(id, GeneratedCharacters.NameOf(id).ToLowerInvariant(), 0);
}
