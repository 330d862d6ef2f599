using AtlasChannel.Contracts.Rest;

namespace AtlasChannel.Peers;

/// <summary>Reads one resource of a collection; false (with <paramref name="why"/>) skips it.</summary>
public delegate bool ResourceReader<T>(JsonApiResource resource, out T item, out string why);

/// <summary>
/// A JSON:API collection read one resource at a time, for peers whose answers are hostile until parsed: a resource of
/// another type, or one the reader refuses, is reported through <c>skipped</c> and left out, never thrown.
/// </summary>
public static class TolerantCollection
{
    /// <summary>The usable resources, in document order. Throws <see cref="JsonApiFormatException"/> only when the document is not a collection.</summary>
    public static List<T> Read<T>(ReadOnlySpan<byte> body, string type, ResourceReader<T> read, Action<JsonApiResource, string> skipped)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(skipped);
        var document = JsonApiDocument.Parse(body);
        if (!document.IsCollection)
            throw new JsonApiFormatException($"expected an array of '{type}', got a single resource");
        var result = new List<T>(document.Data.Count);
        foreach (var resource in document.Data)
        {
            if (!string.Equals(resource.Type, type, StringComparison.Ordinal))
                skipped(resource, "unexpected resource type");
            else if (read(resource, out var item, out var why))
                result.Add(item);
            else
                skipped(resource, why);
        }

        return result;
    }
}
