using System.Text;
using System.Text.Json;
using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Tool.Commands;

/// <summary>Round-trips every example-format file of a directory and reports per file, then the total.</summary>
internal sealed class ContractCheck(ContractRegistry registry)
{
    public async Task<int> RunAsync(string directory, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
            throw new UsageException($"contract check: directory '{directory}' not found");

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        var passed = 0;
        foreach (var file in files)
        {
            var outcome = Check(await File.ReadAllBytesAsync(file, cancellationToken));
            if (outcome is null)
                passed++;
            await output.WriteLineAsync($"{(outcome is null ? "ok" : "FAIL")}  {Path.GetFileName(file)}{(outcome is null ? "" : "  " + outcome)}");
        }

        await output.WriteLineAsync($"{passed}/{files.Count} messages round-trip");
        return files.Count > 0 && passed == files.Count ? 0 : 1;
    }

    /// <summary>Null when the file's value round-trips; otherwise what went wrong.</summary>
    public string? Check(byte[] fileContent)
    {
        JsonElement value;
        string topic;
        try
        {
            using var document = JsonDocument.Parse(fileContent);
            if (!document.RootElement.TryGetProperty("topic", out var topicElement) || topicElement.ValueKind != JsonValueKind.String ||
                !document.RootElement.TryGetProperty("value", out var valueElement))
                return "not an example file (needs \"topic\" and \"value\")";
            topic = topicElement.GetString()!;
            value = valueElement.Clone();
        }
        catch (JsonException ex)
        {
            return $"invalid JSON: {ex.Message}";
        }

        var result = registry.Decode(topic, Encoding.UTF8.GetBytes(value.GetRawText()));
        if (result.Status != DecodeStatus.Decoded)
            return $"{result.Status}: {result.Error}";

        using var reserialised = JsonDocument.Parse(registry.Serialize(result.Message!));
        return JsonSemanticComparer.FirstDifference(value, reserialised.RootElement) is { } path
            ? $"mismatch at {path}"
            : null;
    }
}
