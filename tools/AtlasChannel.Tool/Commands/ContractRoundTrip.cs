using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AtlasChannel.Contracts;

namespace AtlasChannel.Tool.Commands;

/// <summary>
/// One output line per input line: the decoded record's type name and its re-serialisation, or an error. A bad line
/// never stops the run; output is flushed after every line so a driving process can interleave.
/// </summary>
internal sealed class ContractRoundTrip(ContractRegistry registry)
{
    // Readable record names (`<`, `>`) and messages; the embedded value keeps the registry's Go escaping.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            await output.WriteLineAsync(Process(line).AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
    }

    public string Process(string line)
    {
        string topic;
        byte[] value;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("topic", out var topicElement) || topicElement.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("value", out var valueElement))
                return Error("bad line: expected {\"topic\":\"<token>\",\"value\":{...}}");
            topic = topicElement.GetString()!;
            value = Encoding.UTF8.GetBytes(valueElement.GetRawText());
        }
        catch (JsonException ex)
        {
            return Error($"bad line: {ex.Message}");
        }

        var result = registry.Decode(topic, value);
        if (result.Status != DecodeStatus.Decoded)
            return Error($"{result.Status}: {result.Error}");

        return Json(writer =>
        {
            writer.WriteString("type", ContractRegistry.FormatTypeName(result.Message!.GetType()));
            writer.WritePropertyName("value");
            writer.WriteRawValue(registry.Serialize(result.Message), skipInputValidation: true);
        });
    }

    private static string Error(string message) => Json(writer => writer.WriteString("error", message));

    private static string Json(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
