using System.Text.Json;
using System.Text.RegularExpressions;
using AtlasChannel.Testing;

namespace AtlasChannel.Contracts.Tests;

/// <summary>One file of <c>spec/kafka/examples</c> with its direction and type from the examples README index.</summary>
internal sealed record SpecExample(string FileName, string Topic, string Type, MessageDirection Direction, string KeyHex, JsonElement Value)
{
    public const string Untyped = "UNTYPED";

    public byte[] ValueBytes => JsonSerializer.SerializeToUtf8Bytes(Value);
}

internal static partial class SpecExamples
{
    private static readonly Lazy<IReadOnlyDictionary<string, SpecExample>> All = new(Load);

    public static IEnumerable<string> FileNames => All.Value.Keys.Order(StringComparer.Ordinal);

    public static IEnumerable<object[]> FileNameData => FileNames.Select(name => new object[] { name });

    public static IEnumerable<SpecExample> Examples => All.Value.Values;

    public static SpecExample Get(string fileName) => All.Value[fileName];

    private static Dictionary<string, SpecExample> Load()
    {
        var index = ReadIndex();
        var examples = new Dictionary<string, SpecExample>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(SpecFiles.Path("kafka", "examples"), "*.json"))
        {
            var fileName = Path.GetFileName(path);
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var (type, direction) = index.TryGetValue(fileName, out var entry)
                ? entry
                : throw new InvalidDataException($"{fileName} is not in the examples README index");
            examples[fileName] = new SpecExample(
                fileName,
                root.GetProperty("topic").GetString()!,
                type,
                direction,
                root.GetProperty("key").GetProperty("hex").GetString()!,
                root.GetProperty("value").Clone());
        }

        return examples;
    }

    /// <summary>Rows of the README index: | `file` | `topic` | `type` | variant | Dir |.</summary>
    private static Dictionary<string, (string Type, MessageDirection Direction)> ReadIndex()
    {
        var index = new Dictionary<string, (string, MessageDirection)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SpecFiles.Path("kafka", "examples", "README.md")))
        {
            var match = IndexRow().Match(line);
            if (!match.Success)
                continue;
            var direction = match.Groups["dir"].Value == "P" ? MessageDirection.Produced : MessageDirection.Consumed;
            index[match.Groups["file"].Value] = (match.Groups["type"].Value, direction);
        }

        return index;
    }

    [GeneratedRegex(@"^\| `(?<file>[^`]+\.json)` \| `(?<topic>[A-Z_]+)` \| `(?<type>[^`]+)` \|[^|]*\| (?<dir>[CP]) \|$")]
    private static partial Regex IndexRow();
}
