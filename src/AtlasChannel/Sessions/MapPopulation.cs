namespace AtlasChannel.Sessions;

/// <summary>
/// The sessions in one field, as a copy-on-write array: joins and leaves (rare) copy, fan-out (every movement)
/// iterates a stable snapshot without locking or allocating.
/// </summary>
internal sealed class MapPopulation
{
    private readonly Lock _gate = new();
    private Session[] _members = [];

    public Session[] Members => Volatile.Read(ref _members);

    public void Add(Session session)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_members, session) >= 0)
                return;
            var grown = new Session[_members.Length + 1];
            _members.CopyTo(grown, 0);
            grown[^1] = session;
            Volatile.Write(ref _members, grown);
        }
    }

    public bool Remove(Session session)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_members, session);
            if (index < 0)
                return false;
            var shrunk = new Session[_members.Length - 1];
            Array.Copy(_members, 0, shrunk, 0, index);
            Array.Copy(_members, index + 1, shrunk, index, _members.Length - index - 1);
            Volatile.Write(ref _members, shrunk);
            return true;
        }
    }
}
