using System.Globalization;

namespace AtlasChannel.Contracts.Rest;

/// <summary>
/// Decodes the peer response bodies the channel reads for a character into typed resources. Every method checks the
/// JSON:API <c>type</c> strings exactly and throws <see cref="JsonApiFormatException"/> on a body it cannot use.
/// </summary>
public static class RestResources
{
    public const string CharactersType = "characters";
    public const string InventoriesType = "inventories";
    public const string CompartmentsType = "compartments";
    public const string AssetsType = "assets";
    public const string SkillsType = "skills";
    public const string MacrosType = "macros";
    public const string QuestStatusType = "quest-status";
    public const string PetsType = "pets";
    public const string KeysType = "keys";

    /// <summary>CHARACTERS <c>characters/{id}</c>.</summary>
    public static CharacterResource ReadCharacter(ReadOnlySpan<byte> utf8Json) =>
        Character(JsonApiDocument.Parse(utf8Json).Single(CharactersType));

    /// <summary>CHARACTERS <c>characters?name=</c> (0 or 1 element in practice).</summary>
    public static IReadOnlyList<CharacterResource> ReadCharacters(ReadOnlySpan<byte> utf8Json) =>
        [.. JsonApiDocument.Parse(utf8Json).Collection(CharactersType).Select(Character)];

    /// <summary>INVENTORY <c>characters/{id}/inventory</c>: the inventory with its compartments and their assets resolved.</summary>
    public static InventoryResource ReadInventory(ReadOnlySpan<byte> utf8Json)
    {
        var document = JsonApiDocument.Parse(utf8Json);
        var inventory = document.Single(InventoriesType);
        var attributes = inventory.AttributesAs(RestJsonContext.Default.InventoryAttributes);
        var compartments = document.Related(inventory, "compartments", CompartmentsType)
            .Select(c => Compartment(document, c))
            .ToList();
        return new InventoryResource(ParseGuid(inventory), attributes.CharacterId, compartments);
    }

    /// <summary>INVENTORY <c>characters/{id}/inventory/compartments?type=</c>.</summary>
    public static CompartmentResource ReadCompartment(ReadOnlySpan<byte> utf8Json)
    {
        var document = JsonApiDocument.Parse(utf8Json);
        return Compartment(document, document.Single(CompartmentsType));
    }

    /// <summary>SKILLS <c>characters/{id}/skills</c>.</summary>
    public static IReadOnlyList<SkillResource> ReadSkills(ReadOnlySpan<byte> utf8Json) =>
        [.. JsonApiDocument.Parse(utf8Json).Collection(SkillsType)
            .Select(r => new SkillResource(ParseUInt32(r), r.AttributesAs(RestJsonContext.Default.SkillAttributes)))];

    /// <summary>SKILLS <c>characters/{id}/macros</c>, sorted by slot as the channel sends them.</summary>
    public static IReadOnlyList<SkillMacroResource> ReadMacros(ReadOnlySpan<byte> utf8Json) =>
        [.. JsonApiDocument.Parse(utf8Json).Collection(MacrosType)
            .Select(r => new SkillMacroResource(ParseInt32(r), r.AttributesAs(RestJsonContext.Default.SkillMacroAttributes)))
            .OrderBy(m => m.Id)];

    /// <summary>QUESTS <c>characters/{id}/quests</c>.</summary>
    public static IReadOnlyList<QuestStatusResource> ReadQuests(ReadOnlySpan<byte> utf8Json) =>
        [.. JsonApiDocument.Parse(utf8Json).Collection(QuestStatusType)
            .Select(r => new QuestStatusResource(r.Id.Length == 0 ? 0 : ParseUInt32(r), r.AttributesAs(RestJsonContext.Default.QuestStatusAttributes)))];

    /// <summary>PETS <c>pets/{id}</c>.</summary>
    public static PetResource ReadPet(ReadOnlySpan<byte> utf8Json) => Pet(JsonApiDocument.Parse(utf8Json).Single(PetsType));

    /// <summary>One <c>pets</c> resource of a collection, for readers that skip bad resources one by one.</summary>
    public static PetResource ReadPet(JsonApiResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Pet(resource);
    }

    /// <summary>PETS <c>characters/{id}/pets</c>, sorted by spawn slot as the channel uses them.</summary>
    public static IReadOnlyList<PetResource> ReadPets(ReadOnlySpan<byte> utf8Json) =>
        [.. JsonApiDocument.Parse(utf8Json).Collection(PetsType).Select(Pet).OrderBy(p => p.Attributes.Slot)];

    /// <summary>KEYS <c>characters/{id}/keys</c>.</summary>
    public static IReadOnlyList<KeyBindingResource> ReadKeys(ReadOnlySpan<byte> utf8Json) =>
        [.. JsonApiDocument.Parse(utf8Json).Collection(KeysType)
            .Select(r => new KeyBindingResource(ParseInt32(r), r.AttributesAs(RestJsonContext.Default.KeyBindingAttributes)))];

    private static CharacterResource Character(JsonApiResource resource) =>
        new(ParseUInt32(resource), resource.AttributesAs(RestJsonContext.Default.CharacterAttributes));

    private static PetResource Pet(JsonApiResource resource) =>
        new(ParseUInt32(resource), resource.AttributesAs(RestJsonContext.Default.PetAttributes));

    private static CompartmentResource Compartment(JsonApiDocument document, JsonApiResource compartment)
    {
        var attributes = compartment.AttributesAs(RestJsonContext.Default.CompartmentAttributes);
        var assets = document.Related(compartment, "assets", AssetsType)
            .Select(a => new AssetResource(ParseUInt32(a), a.AttributesAs(RestJsonContext.Default.AssetAttributes)))
            .ToList();
        return new CompartmentResource(ParseGuid(compartment), attributes.Type, attributes.Capacity, assets);
    }

    private static uint ParseUInt32(JsonApiResource resource) =>
        uint.TryParse(resource.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JsonApiFormatException($"{resource.Type} id '{resource.Id}' is not a decimal uint32");

    private static int ParseInt32(JsonApiResource resource) =>
        int.TryParse(resource.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JsonApiFormatException($"{resource.Type} id '{resource.Id}' is not a decimal int32");

    private static Guid ParseGuid(JsonApiResource resource) =>
        Guid.TryParseExact(resource.Id, "D", out var id)
            ? id
            : throw new JsonApiFormatException($"{resource.Type} id '{resource.Id}' is not a UUID");
}
