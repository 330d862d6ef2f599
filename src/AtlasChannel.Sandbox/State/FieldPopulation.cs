namespace AtlasChannel.Sandbox.State;

/// <summary>A field: world, channel, map and instance (the all-zero UUID for a normal map).</summary>
public readonly record struct FieldKey(byte WorldId, byte ChannelId, uint MapId, Guid Instance);

/// <summary>The maps service's view of who stands in which field (served by the MAPS endpoint).</summary>
internal sealed class FieldPopulation
{
    private readonly Lock _gate = new();
    private readonly Dictionary<FieldKey, HashSet<uint>> _fields = [];

    public void Enter(FieldKey field, uint characterId)
    {
        lock (_gate)
        {
            if (!_fields.TryGetValue(field, out var characters))
                _fields[field] = characters = [];
            characters.Add(characterId);
        }
    }

    public bool Exit(FieldKey field, uint characterId)
    {
        lock (_gate)
        {
            if (!_fields.TryGetValue(field, out var characters) || !characters.Remove(characterId))
                return false;
            if (characters.Count == 0)
                _fields.Remove(field);
            return true;
        }
    }

    public IReadOnlyList<uint> CharactersIn(FieldKey field)
    {
        lock (_gate)
            return _fields.TryGetValue(field, out var characters) ? [.. characters.Order()] : [];
    }
}
