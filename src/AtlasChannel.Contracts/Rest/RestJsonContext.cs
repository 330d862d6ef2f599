using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts.Rest;

/// <remarks>
/// Attribute properties with a non-default initializer use <c>set</c>: the generator passes init-only properties
/// through the object initializer, so an absent key would overwrite the initializer with null.
/// </remarks>
/// <summary>Source-generated metadata for the JSON:API envelope and the attribute records (no runtime reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    Converters =
    [
        typeof(NullAsZeroByteConverter),
        typeof(NullAsZeroSByteConverter),
        typeof(NullAsZeroInt16Converter),
        typeof(NullAsZeroUInt16Converter),
        typeof(NullAsZeroInt32Converter),
        typeof(NullAsZeroUInt32Converter),
        typeof(NullAsZeroUInt64Converter),
        typeof(NullAsFalseConverter),
        typeof(NullAsEmptyStringConverter),
        typeof(GoTimeConverter),
    ])]
[JsonSerializable(typeof(JsonApiDocumentDto))]
[JsonSerializable(typeof(JsonApiResourceDto))]
[JsonSerializable(typeof(List<JsonApiResourceDto>))]
[JsonSerializable(typeof(CharacterAttributes))]
[JsonSerializable(typeof(AssetAttributes))]
[JsonSerializable(typeof(CompartmentAttributes))]
[JsonSerializable(typeof(InventoryAttributes))]
[JsonSerializable(typeof(SkillAttributes))]
[JsonSerializable(typeof(SkillMacroAttributes))]
[JsonSerializable(typeof(QuestStatusAttributes))]
[JsonSerializable(typeof(PetAttributes))]
[JsonSerializable(typeof(KeyBindingAttributes))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
