namespace AtlasChannel.Sessions;

/// <summary>The port features use to find sessions: by id, character, account, map, or channel server.</summary>
public interface ISessionRegistry
{
    int Count { get; }

    bool TryGet(Guid sessionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Session? session);

    /// <summary>The in-field session of a character of <paramref name="tenantId"/> on this process, if any.</summary>
    Session? FindByCharacter(Guid tenantId, int characterId);

    /// <summary>The session holding <paramref name="accountId"/> of <paramref name="tenantId"/> (pending or in field).</summary>
    Session? FindByAccount(Guid tenantId, int accountId);

    /// <summary>Every in-field session in a field; a stable snapshot, do not modify.</summary>
    ReadOnlySpan<Session> InMap(MapKey map);

    IReadOnlyCollection<Session> All { get; }
}
