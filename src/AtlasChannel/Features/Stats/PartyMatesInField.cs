using AtlasChannel.Sessions;

namespace AtlasChannel.Features.Stats;

/// <summary>The online party members of a character (PARTIES) that have a session in a given field of this channel.</summary>
internal static class PartyMatesInField
{
    /// <summary>Their sessions, the character's own excluded; throws <see cref="Peers.PeerException"/> when PARTIES fails.</summary>
    public static async Task<List<Session>> FindAsync(PartyPeer parties, ISessionRegistry sessions, Session session, MapKey field, CancellationToken cancellationToken)
    {
        var mates = await parties.OnlineMatesAsync(session.Tenant, session.CharacterId, cancellationToken);
        var found = new List<Session>();
        if (mates.Count == 0)
            return found;
        foreach (var mate in sessions.InMap(field))
        {
            if (!ReferenceEquals(mate, session) && mates.Contains(mate.CharacterId))
                found.Add(mate);
        }

        return found;
    }
}
