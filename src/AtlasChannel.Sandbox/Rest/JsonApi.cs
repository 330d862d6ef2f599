using System.Buffers;
using System.Text.Json;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>Writes JSON:API documents in the api2go shape the peers produce (rest/README.md §3.1).</summary>
internal static class JsonApi
{
    public static byte[] EmptyCollection { get; } = "{\"data\":[]}"u8.ToArray();

    /// <summary>A document; <paramref name="writeIncluded"/> writes the elements of a non-empty <c>included</c> array.</summary>
    public static byte[] Document(Action<Utf8JsonWriter> writeData, Action<Utf8JsonWriter>? writeIncluded = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writeData(writer);
            if (writeIncluded is not null)
            {
                writer.WriteStartArray("included");
                writeIncluded(writer);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Single(string type, string id, Action<Utf8JsonWriter> writeAttributes, Action<Utf8JsonWriter>? writeRelationships = null) =>
        Document(w => Resource(w, type, id, writeAttributes, writeRelationships));

    public static byte[] Collection<T>(IEnumerable<T> items, string type, Func<T, string> id, Action<Utf8JsonWriter, T> writeAttributes) =>
        Document(w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
                Resource(w, type, id(item), a => writeAttributes(a, item));
            w.WriteEndArray();
        });

    public static void Resource(Utf8JsonWriter writer, string type, string id, Action<Utf8JsonWriter> writeAttributes, Action<Utf8JsonWriter>? writeRelationships = null)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("id", id);
        writer.WriteStartObject("attributes");
        writeAttributes(writer);
        writer.WriteEndObject();
        if (writeRelationships is not null)
        {
            writer.WriteStartObject("relationships");
            writeRelationships(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>A to-many relationship with api2go's decorative links, e.g. owner <c>worlds/0</c>, name <c>channels</c>.</summary>
    public static void ToMany(Utf8JsonWriter writer, string ownerPath, string name, string relatedType, IEnumerable<string> ids)
    {
        writer.WriteStartObject(name);
        writer.WriteStartObject("links");
        writer.WriteString("related", $"/api/{ownerPath}/{name}");
        writer.WriteString("self", $"/api/{ownerPath}/relationships/{name}");
        writer.WriteEndObject();
        writer.WriteStartArray("data");
        foreach (var id in ids)
        {
            writer.WriteStartObject();
            writer.WriteString("type", relatedType);
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Go's RFC 3339 text of a time (zero time for "never").</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
