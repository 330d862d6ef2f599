namespace AtlasChannel.Sandbox.State;

/// <summary>A character sitting: <c>FIXED</c> (seat index) or <c>PORTABLE</c> (chair item id).</summary>
public readonly record struct Seat(uint CharacterId, string ChairType, uint ChairId);

/// <summary>An open chalkboard of a character.</summary>
public readonly record struct OpenChalkboard(uint CharacterId, string Message);

/// <summary>
/// Per-character state that lives in one field at a time (the chairs and chalkboards services' views): at most one
/// entry per character, remembered with the field it was set in. Served by the CHAIRS / CHALKBOARDS endpoints.
/// </summary>
internal sealed class FieldCharacterState<T>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<uint, (FieldKey Field, T Value)> _byCharacter = [];

    public void Set(FieldKey field, uint characterId, T value)
    {
        lock (_gate)
            _byCharacter[characterId] = (field, value);
    }

    /// <summary>Removes the character's entry wherever it is; the removed value, if any.</summary>
    public bool Remove(uint characterId, out T value)
    {
        lock (_gate)
        {
            if (_byCharacter.Remove(characterId, out var entry))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Removes the character's entry only if it was set in <paramref name="field"/> (leaving that field).</summary>
    public void RemoveIn(FieldKey field, uint characterId)
    {
        lock (_gate)
        {
            if (_byCharacter.TryGetValue(characterId, out var entry) && entry.Field == field)
                _byCharacter.Remove(characterId);
        }
    }

    /// <summary>The entries of one field, by character id.</summary>
    public IReadOnlyList<(uint CharacterId, T Value)> In(FieldKey field)
    {
        lock (_gate)
            return [.. _byCharacter.Where(e => e.Value.Field == field).OrderBy(e => e.Key).Select(e => (e.Key, e.Value.Value))];
    }
}
