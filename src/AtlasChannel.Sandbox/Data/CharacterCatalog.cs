using System.Globalization;
using System.Text.Json;

namespace AtlasChannel.Sandbox.Data;

/// <summary>Every character the sandbox knows: the fixture characters and the generated range.</summary>
internal sealed class CharacterCatalog
{
    private readonly FixtureStore _fixtures;
    private readonly GeneratedCharacters _generated;
    private readonly Dictionary<uint, CharacterSummary> _fixtureCharacters;

    public CharacterCatalog(FixtureStore fixtures, GeneratedCharacters generated, State.CharacterStats? stats = null)
    {
        Stats = stats ?? new State.CharacterStats();
        _fixtures = fixtures;
        _generated = generated;
        _fixtureCharacters = [];
        foreach (var path in fixtures.Paths)
        {
            // Only "characters/{id}" itself, not its sub-documents.
            if (!path.StartsWith("characters/", StringComparison.Ordinal) || path.IndexOf('/', "characters/".Length) >= 0)
                continue;
            fixtures.TryGet(path, out var bytes);
            var summary = ReadSummary(bytes);
            _fixtureCharacters[summary.Id] = summary;
        }
    }

    /// <summary>Attribute changes made by the sandbox's character service, served over the fixtures.</summary>
    public State.CharacterStats Stats { get; }

    public IEnumerable<CharacterSummary> FixtureCharacters => _fixtureCharacters.Values.OrderBy(c => c.Id);

    public GeneratedCharacters Generated => _generated;

    public bool TryGet(uint id, out CharacterSummary summary)
    {
        if (_fixtureCharacters.TryGetValue(id, out summary!))
            return true;
        if (_generated.Contains(id))
        {
            summary = _generated.Summary(id);
            return true;
        }

        return false;
    }

    public bool TryFindByName(string name, out CharacterSummary summary)
    {
        // Character names are unique case-insensitively in MapleStory.
        foreach (var candidate in _fixtureCharacters.Values)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                summary = candidate;
                return true;
            }
        }

        if (_generated.TryParseName(name, out var id))
        {
            summary = _generated.Summary(id);
            return true;
        }

        summary = null!;
        return false;
    }

    /// <summary>The complete response body for <paramref name="part"/> of a known character, else null.</summary>
    public byte[]? Document(uint id, CharacterPart part)
    {
        var document = StoredDocument(id, part);
        return document is not null && part == CharacterPart.Character ? Stats.Apply(id, document) : document;
    }

    private byte[]? StoredDocument(uint id, CharacterPart part)
    {
        if (_fixtureCharacters.ContainsKey(id))
            return _fixtures.TryGet(CharacterParts.FixturePath(id, part), out var bytes) ? bytes : null;
        return _generated.Contains(id) ? _generated.Document(id, part) : null;
    }

    /// <summary>Changes the character's numeric attributes through <see cref="Stats"/>; false for an unknown character or a refused change.</summary>
    public bool TryChangeStats(uint id, Func<State.StatSheet, bool> change) =>
        StoredDocument(id, CharacterPart.Character) is { } document && Stats.TryChange(id, document, change);

    private static CharacterSummary ReadSummary(byte[] document)
    {
        using var json = JsonDocument.Parse(document);
        var data = json.RootElement.GetProperty("data");
        var attributes = data.GetProperty("attributes");
        return new CharacterSummary(
            uint.Parse(data.GetProperty("id").GetString()!, CultureInfo.InvariantCulture),
            attributes.GetProperty("accountId").GetUInt32(),
            attributes.GetProperty("name").GetString()!,
            attributes.GetProperty("worldId").GetByte(),
            attributes.GetProperty("mapId").GetUInt32(),
            attributes.GetProperty("gender").GetByte());
    }
}
