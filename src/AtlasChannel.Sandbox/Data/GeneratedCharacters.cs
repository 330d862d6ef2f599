using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtlasChannel.Sandbox.Data;

/// <summary>
/// Load-test characters that exist on the fly: a fresh beginner in the shape of fixture character 3 (starter outfit
/// equipped, empty bags, default key layout) plus the three beginner skills. Account id = character id.
/// Documents are rebuilt per request, so a large range costs no memory.
/// </summary>
internal sealed class GeneratedCharacters
{
    public const string NamePrefix = "Bot";

    private const uint TemplateId = 3;
    private static readonly uint[] BeginnerSkills = [1000, 1001, 1002];

    private readonly uint _first;
    private readonly uint _last;
    // Bytes, not JsonNode trees: requests run in parallel and JsonNode is not safe for concurrent reads.
    private readonly byte[] _characterTemplate;
    private readonly byte[] _inventoryTemplate;
    private readonly byte _worldId;
    private readonly uint _mapId;
    private readonly byte _gender;
    private readonly byte[] _empty;

    public GeneratedCharacters(FixtureStore fixtures, uint first, uint last)
    {
        _first = first;
        _last = last;
        _characterTemplate = Load(fixtures, CharacterPart.Character);
        _inventoryTemplate = Load(fixtures, CharacterPart.Inventory);
        var attributes = Parse(_characterTemplate)["data"]!["attributes"]!;
        _worldId = attributes["worldId"]!.GetValue<byte>();
        _mapId = attributes["mapId"]!.GetValue<uint>();
        _gender = attributes["gender"]!.GetValue<byte>();
        _empty = "{\"data\":[]}"u8.ToArray();
    }

    public uint First => _first;

    public uint Last => _last;

    public bool Contains(uint id) => id >= _first && id <= _last;

    public static string NameOf(uint id) => NamePrefix + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id named by <c>Bot{id}</c> (case-insensitive), if it lies in the range.</summary>
    public bool TryParseName(string name, out uint id)
    {
        id = 0;
        return name.StartsWith(NamePrefix, StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(name.AsSpan(NamePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && string.Equals(NameOf(id), name, StringComparison.OrdinalIgnoreCase)
            && Contains(id);
    }

    public CharacterSummary Summary(uint id) => new(id, id, NameOf(id), _worldId, _mapId, _gender);

    public byte[] Document(uint id, CharacterPart part) => part switch
    {
        CharacterPart.Character => Character(id),
        CharacterPart.Inventory => Inventory(id),
        CharacterPart.Skills => Skills(),
        _ => _empty,
    };

    private byte[] Character(uint id)
    {
        var document = Parse(_characterTemplate);
        var data = document["data"]!.AsObject();
        data["id"] = id.ToString(CultureInfo.InvariantCulture);
        var attributes = data["attributes"]!.AsObject();
        attributes["accountId"] = id;
        attributes["name"] = NameOf(id);
        return Serialize(document);
    }

    private byte[] Inventory(uint id)
    {
        var document = Parse(_inventoryTemplate);
        var data = document["data"]!.AsObject();
        data["id"] = InventoryId(id, 0).ToString();
        data["attributes"]!["characterId"] = id;

        // Compartments and assets get ids of their own so no two characters share one.
        var renamed = new Dictionary<(string Type, string Id), string>();
        var assetSerial = 0u;
        foreach (var resource in document["included"]!.AsArray())
        {
            var type = resource!["type"]!.GetValue<string>();
            var oldId = resource["id"]!.GetValue<string>();
            var newId = type == "compartments"
                ? InventoryId(id, resource["attributes"]!["type"]!.GetValue<int>()).ToString()
                : (id * 100 + ++assetSerial).ToString(CultureInfo.InvariantCulture);
            renamed[(type, oldId)] = newId;
            resource["id"] = newId;
        }

        foreach (var owner in document["included"]!.AsArray().Append(data))
        {
            if (owner!["relationships"] is not JsonObject relationships)
                continue;
            foreach (var (_, relationship) in relationships)
            {
                if (relationship?["data"] is not JsonArray identifiers)
                    continue;
                foreach (var identifier in identifiers)
                {
                    var key = (identifier!["type"]!.GetValue<string>(), identifier["id"]!.GetValue<string>());
                    if (renamed.TryGetValue(key, out var newId))
                        identifier["id"] = newId;
                }
            }
        }

        return Serialize(document);
    }

    private static byte[] Skills()
    {
        var data = new JsonArray();
        foreach (var skill in BeginnerSkills)
        {
            data.Add(new JsonObject
            {
                ["type"] = "skills",
                ["id"] = skill.ToString(CultureInfo.InvariantCulture),
                ["attributes"] = new JsonObject
                {
                    ["level"] = 1,
                    ["masterLevel"] = 0,
                    ["expiration"] = "0001-01-01T00:00:00Z",
                    ["cooldownExpiresAt"] = "0001-01-01T00:00:00Z",
                },
            });
        }

        return Serialize(new JsonObject { ["data"] = data });
    }

    // Deterministic, recognisable UUIDs: 00000000-5a4d-4b07-8000-{character id:x8}{compartment type:x4}.
    private static Guid InventoryId(uint characterId, int compartmentType) =>
        new($"00000000-5a4d-4b07-8000-{characterId:x8}{compartmentType:x4}");

    private static byte[] Load(FixtureStore fixtures, CharacterPart part) =>
        fixtures.TryGet(CharacterParts.FixturePath(TemplateId, part), out var bytes)
            ? bytes
            : throw new InvalidOperationException($"fixture template {CharacterParts.FixturePath(TemplateId, part)} is missing");

    private static JsonObject Parse(byte[] document) => JsonNode.Parse(document)!.AsObject();

    private static byte[] Serialize(JsonObject document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            document.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
