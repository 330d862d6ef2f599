using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtlasChannel.Sandbox.State;

/// <summary>
/// What the sandbox's character service changed since start-up (AP spent, meso dropped, HP/MP used), laid over the
/// fixture documents: <c>GET characters/{id}</c> serves the fixture with these attributes replaced, so the values the
/// channel re-reads after STAT_CHANGED are the new ones.
/// </summary>
internal sealed class CharacterStats
{
    private readonly Lock _gate = new();
    private readonly Dictionary<uint, Dictionary<string, long>> _changed = [];

    /// <summary>
    /// Runs <paramref name="change"/> on the character's current numeric attributes (fixture values overlaid with
    /// earlier changes) and keeps what it wrote; returns false (nothing kept) when it refuses.
    /// </summary>
    public bool TryChange(uint characterId, byte[] document, Func<StatSheet, bool> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _changed.TryGetValue(characterId, out var earlier);
            var sheet = new StatSheet(Attributes(document), earlier);
            if (!change(sheet))
                return false;
            if (sheet.Written.Count > 0)
            {
                earlier ??= _changed[characterId] = [];
                foreach (var (name, value) in sheet.Written)
                    earlier[name] = value;
            }

            return true;
        }
    }

    /// <summary>The character document with the changed attributes written in (the same bytes when nothing changed).</summary>
    public byte[] Apply(uint characterId, byte[] document)
    {
        KeyValuePair<string, long>[] changes;
        lock (_gate)
        {
            if (!_changed.TryGetValue(characterId, out var changed) || changed.Count == 0)
                return document;
            changes = [.. changed];
        }

        var root = JsonNode.Parse(document)!;
        var attributes = root["data"]!["attributes"]!.AsObject();
        foreach (var (name, value) in changes)
            attributes[name] = value;
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonElement Attributes(byte[] document)
    {
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("data").GetProperty("attributes").Clone();
    }
}

/// <summary>One character's numeric attributes during a change: reads see earlier changes, writes are collected.</summary>
internal sealed class StatSheet(JsonElement fixture, IReadOnlyDictionary<string, long>? earlier)
{
    public Dictionary<string, long> Written { get; } = [];

    public long this[string attribute]
    {
        get
        {
            if (Written.TryGetValue(attribute, out var value) || (earlier is not null && earlier.TryGetValue(attribute, out value)))
                return value;
            return fixture.TryGetProperty(attribute, out var element) && element.TryGetInt64(out value) ? value : 0;
        }
        set => Written[attribute] = value;
    }
}
