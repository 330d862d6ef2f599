using System.Text.Json;

namespace AtlasChannel.Contracts.Rest;

// Wire shapes of the JSON:API envelope; only JsonApiDocument sees them.
internal sealed class JsonApiDocumentDto
{
    public JsonElement Data { get; set; }

    public List<JsonApiResourceDto>? Included { get; set; }
}

internal sealed class JsonApiResourceDto
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public JsonElement? Attributes { get; set; }

    public Dictionary<string, JsonApiRelationshipDto?>? Relationships { get; set; }
}

internal sealed class JsonApiRelationshipDto
{
    public JsonElement Data { get; set; }
}
