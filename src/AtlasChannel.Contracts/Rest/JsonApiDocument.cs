using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AtlasChannel.Contracts.Rest;

/// <summary>A resource identifier inside a relationship's <c>data</c>.</summary>
public readonly record struct JsonApiIdentifier(string Type, string Id);

/// <summary>One JSON:API resource object: type, id (always a string on the wire), raw attributes and relationship ids.</summary>
public sealed class JsonApiResource
{
    internal JsonApiResource(string type, string id, JsonElement attributes, IReadOnlyDictionary<string, IReadOnlyList<JsonApiIdentifier>> relationships)
    {
        Type = type;
        Id = id;
        Attributes = attributes;
        Relationships = relationships;
    }

    public string Type { get; }

    public string Id { get; }

    /// <summary>The <c>attributes</c> object, or an undefined element when the resource has none.</summary>
    public JsonElement Attributes { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<JsonApiIdentifier>> Relationships { get; }

    /// <summary>Binds the attributes; a missing attributes object gives the type's defaults.</summary>
    public T AttributesAs<T>(JsonTypeInfo<T> typeInfo)
        where T : new()
    {
        if (Attributes.ValueKind != JsonValueKind.Object)
            return new T();
        try
        {
            return Attributes.Deserialize(typeInfo) ?? new T();
        }
        catch (JsonException e)
        {
            throw new JsonApiFormatException($"{Type} '{Id}': bad attributes: {e.Message}", e);
        }
    }
}

/// <summary>
/// A parsed JSON:API response document as the Atlas peers produce it: <c>data</c> (an object or an array) and a flat
/// <c>included</c> list resolved by (type, id). Related ids missing from <c>included</c> are dropped, as the Go client does.
/// </summary>
public sealed class JsonApiDocument
{
    private readonly Dictionary<(string Type, string Id), JsonApiResource> _included;

    private JsonApiDocument(bool isCollection, IReadOnlyList<JsonApiResource> data, Dictionary<(string Type, string Id), JsonApiResource> included)
    {
        IsCollection = isCollection;
        Data = data;
        _included = included;
    }

    /// <summary>True when <c>data</c> was an array.</summary>
    public bool IsCollection { get; }

    public IReadOnlyList<JsonApiResource> Data { get; }

    public int IncludedCount => _included.Count;

    public static JsonApiDocument Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static JsonApiDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonApiDocumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, RestJsonContext.Default.JsonApiDocumentDto);
        }
        catch (JsonException e)
        {
            throw new JsonApiFormatException("not a JSON:API document: " + e.Message, e);
        }

        if (dto is null)
            throw new JsonApiFormatException("empty document");

        List<JsonApiResource> data;
        bool isCollection;
        switch (dto.Data.ValueKind)
        {
            case JsonValueKind.Object:
                isCollection = false;
                data = [ToResource(Bind(dto.Data, RestJsonContext.Default.JsonApiResourceDto))];
                break;
            case JsonValueKind.Array:
                isCollection = true;
                data = [.. Bind(dto.Data, RestJsonContext.Default.ListJsonApiResourceDto).Select(ToResource)];
                break;
            default:
                throw new JsonApiFormatException("document has no data (missing or null)");
        }

        var included = new Dictionary<(string, string), JsonApiResource>();
        foreach (var resource in dto.Included ?? [])
        {
            var converted = ToResource(resource);
            included.TryAdd((converted.Type, converted.Id), converted);
        }

        return new JsonApiDocument(isCollection, data, included);
    }

    /// <summary>The single primary resource, which must have <paramref name="expectedType"/>.</summary>
    public JsonApiResource Single(string expectedType)
    {
        if (IsCollection)
            throw new JsonApiFormatException($"expected a single '{expectedType}' resource, got an array");
        return CheckType(Data[0], expectedType);
    }

    /// <summary>The primary resources of a collection document; every element must have <paramref name="expectedType"/>.</summary>
    public IReadOnlyList<JsonApiResource> Collection(string expectedType)
    {
        if (!IsCollection)
            throw new JsonApiFormatException($"expected an array of '{expectedType}', got a single resource");
        foreach (var resource in Data)
            CheckType(resource, expectedType);
        return Data;
    }

    public bool TryGetIncluded(string type, string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonApiResource? resource) =>
        _included.TryGetValue((type, id), out resource);

    /// <summary>Every included resource of <paramref name="type"/>, whether or not a relationship names it.</summary>
    public IEnumerable<JsonApiResource> IncludedOfType(string type) =>
        _included.Values.Where(resource => string.Equals(resource.Type, type, StringComparison.Ordinal));

    /// <summary>
    /// The included resources <paramref name="owner"/> names in <paramref name="relationship"/>, in relationship order.
    /// Identifiers of another type or missing from <c>included</c> are skipped.
    /// </summary>
    public IReadOnlyList<JsonApiResource> Related(JsonApiResource owner, string relationship, string expectedType)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!owner.Relationships.TryGetValue(relationship, out var identifiers))
            return [];
        var related = new List<JsonApiResource>(identifiers.Count);
        foreach (var identifier in identifiers)
        {
            if (string.Equals(identifier.Type, expectedType, StringComparison.Ordinal) && _included.TryGetValue((identifier.Type, identifier.Id), out var resource))
                related.Add(resource);
        }

        return related;
    }

    private static JsonApiResource CheckType(JsonApiResource resource, string expectedType) =>
        string.Equals(resource.Type, expectedType, StringComparison.Ordinal)
            ? resource
            : throw new JsonApiFormatException($"expected resource type '{expectedType}', got '{resource.Type}'");

    private static T Bind<T>(JsonElement element, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return element.Deserialize(typeInfo) ?? throw new JsonApiFormatException("null resource");
        }
        catch (JsonException e)
        {
            throw new JsonApiFormatException("bad resource object: " + e.Message, e);
        }
    }

    private static JsonApiResource ToResource(JsonApiResourceDto dto)
    {
        if (string.IsNullOrEmpty(dto.Type))
            throw new JsonApiFormatException("resource object without a type");
        var relationships = new Dictionary<string, IReadOnlyList<JsonApiIdentifier>>(StringComparer.Ordinal);
        foreach (var (name, relationship) in dto.Relationships ?? [])
            relationships[name] = Identifiers(relationship?.Data ?? default);
        return new JsonApiResource(dto.Type, dto.Id ?? string.Empty, dto.Attributes ?? default, relationships);
    }

    private static List<JsonApiIdentifier> Identifiers(JsonElement data)
    {
        var identifiers = new List<JsonApiIdentifier>();
        switch (data.ValueKind)
        {
            case JsonValueKind.Object:
                Add(data);
                break;
            case JsonValueKind.Array:
                foreach (var element in data.EnumerateArray())
                    Add(element);
                break;
        }

        return identifiers;

        void Add(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                identifiers.Add(new JsonApiIdentifier(type.GetString()!, id.GetString()!));
        }
    }
}

/// <summary>A response body that is not the JSON:API document the caller expected.</summary>
public sealed class JsonApiFormatException : FormatException
{
    public JsonApiFormatException()
    {
    }

    public JsonApiFormatException(string message)
        : base(message)
    {
    }

    public JsonApiFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
