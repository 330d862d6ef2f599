using System.Collections.Concurrent;

namespace AtlasChannel.Sessions;

/// <summary>
/// All sessions of this process, indexed for the lookups features make. Also enforces one login per account per
/// tenant: an account (and a character) can be claimed by only one live session at a time.
/// </summary>
public sealed class SessionRegistry : ISessionRegistry
{
    private readonly ConcurrentDictionary<Guid, Session> _sessions = new();
    private readonly ConcurrentDictionary<(Guid Tenant, int Account), Session> _accounts = new();
    private readonly ConcurrentDictionary<(Guid Tenant, int Character), Session> _characters = new();
    private readonly ConcurrentDictionary<MapKey, MapPopulation> _maps = new();

    public int Count => _sessions.Count;

    public IReadOnlyCollection<Session> All => (IReadOnlyCollection<Session>)_sessions.Values;

    public void Add(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_sessions.TryAdd(session.Id, session))
            throw new InvalidOperationException($"session id {session.Id} is already registered");
    }

    public bool TryGet(Guid sessionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Session? session) =>
        _sessions.TryGetValue(sessionId, out session);

    public Session? FindByCharacter(Guid tenantId, int characterId) =>
        _characters.TryGetValue((tenantId, characterId), out var session) && session.Phase == SessionPhase.InField ? session : null;

    /// <summary>The in-field session of the character when it is on channel server (<paramref name="worldId"/>, <paramref name="channelId"/>) of this process.</summary>
    public Session? FindOnChannel(Guid tenantId, int characterId, byte worldId, byte channelId) =>
        FindByCharacter(tenantId, characterId) is { } session && session.Server.WorldId == worldId && session.Server.ChannelId == channelId ? session : null;

    public Session? FindByAccount(Guid tenantId, int accountId) =>
        _accounts.TryGetValue((tenantId, accountId), out var session) ? session : null;

    public ReadOnlySpan<Session> InMap(MapKey map) =>
        _maps.TryGetValue(map, out var population) ? population.Members : [];

    /// <summary>
    /// Reserves the account and character for <paramref name="session"/>. Fails (and reserves nothing) when another
    /// live session of the same tenant already holds either: the first session stays undisturbed.
    /// </summary>
    public bool TryClaim(Session session, int accountId, int characterId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var tenant = session.Tenant.Id;
        if (!TryClaimSlot(_accounts, (tenant, accountId), session))
            return false;
        if (!TryClaimSlot(_characters, (tenant, characterId), session))
        {
            _accounts.TryRemove(KeyValuePair.Create((tenant, accountId), session));
            return false;
        }

        return true;
    }

    /// <summary>Binds the approved login and places the session in its field.</summary>
    public bool EnterField(Session session, int accountId, int characterId, string characterName, bool gm, uint mapId)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.TryEnterField(accountId, characterId, characterName, gm, mapId))
            return false;
        _maps.GetOrAdd(session.Map, static _ => new MapPopulation()).Add(session);
        return true;
    }

    /// <summary>Moves an in-field session to another field (map change).</summary>
    public void ChangeMap(Session session, uint mapId, Guid instance)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Phase is not (SessionPhase.InField or SessionPhase.Migrating))
            return;
        LeaveMap(session);
        session.SetMap(mapId, instance);
        if (!session.IsClosed)
            _maps.GetOrAdd(session.Map, static _ => new MapPopulation()).Add(session);
    }

    /// <summary>Forgets the session everywhere. Returns false when it was already gone (destroy is idempotent).</summary>
    public bool Remove(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_sessions.TryRemove(KeyValuePair.Create(session.Id, session)))
            return false;
        var tenant = session.Tenant.Id;
        foreach (var account in new[] { session.AccountId, session.PendingAccountId })
            _accounts.TryRemove(KeyValuePair.Create((tenant, account), session));
        foreach (var character in new[] { session.CharacterId, session.PendingCharacterId })
            _characters.TryRemove(KeyValuePair.Create((tenant, character), session));
        LeaveMap(session);
        return true;
    }

    private void LeaveMap(Session session)
    {
        if (_maps.TryGetValue(session.Map, out var population))
            population.Remove(session);
    }

    private bool TryClaimSlot<TKey>(ConcurrentDictionary<TKey, Session> slots, TKey key, Session session)
        where TKey : notnull
    {
        while (true)
        {
            if (slots.TryAdd(key, session))
                return true;
            if (!slots.TryGetValue(key, out var holder))
                continue;
            if (ReferenceEquals(holder, session))
                return true;
            if (!holder.IsClosed && _sessions.ContainsKey(holder.Id))
                return false;
            // A destroyed session that has not been removed yet: take its slot.
            if (slots.TryUpdate(key, session, holder))
                return true;
        }
    }
}
