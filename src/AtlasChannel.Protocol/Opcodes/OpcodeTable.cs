using System.Collections.Frozen;
using System.Text.Json;

namespace AtlasChannel.Protocol.Opcodes;

/// <summary>
/// A tenant's opcode bindings from its template (<c>socket.handlers[]</c> and <c>socket.writers[]</c>), looked up
/// both ways. Entries that cannot be used (bad opcode text, missing names) are skipped and listed in
/// <see cref="Problems"/>; a later handler entry with the same opcode replaces an earlier one, as in Atlas.
/// </summary>
public sealed class OpcodeTable
{
    private readonly FrozenDictionary<ushort, HandlerBinding> _handlersByOpcode;
    private readonly FrozenDictionary<string, ushort[]> _opcodesByHandler;
    private readonly FrozenDictionary<string, WriterBinding> _writersByName;
    private readonly FrozenDictionary<ushort, string[]> _writerNamesByOpcode;

    private OpcodeTable(
        ClientVersion version,
        IReadOnlyList<HandlerBinding> handlers,
        IReadOnlyList<WriterBinding> writers,
        IReadOnlyList<string> problems)
    {
        Version = version;
        Problems = problems;
        _handlersByOpcode = handlers.GroupBy(h => h.Opcode).ToFrozenDictionary(g => g.Key, g => g.Last());
        Handlers = [.. _handlersByOpcode.Values.OrderBy(h => h.Opcode)];
        _opcodesByHandler = Handlers.GroupBy(h => h.Handler, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(h => h.Opcode).ToArray(), StringComparer.Ordinal);
        _writersByName = writers.GroupBy(w => w.Writer, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        Writers = [.. _writersByName.Values.OrderBy(w => w.Opcode).ThenBy(w => w.Writer, StringComparer.Ordinal)];
        _writerNamesByOpcode = Writers.GroupBy(w => w.Opcode)
            .ToFrozenDictionary(g => g.Key, g => g.Select(w => w.Writer).ToArray());
    }

    public ClientVersion Version { get; }

    public IReadOnlyList<HandlerBinding> Handlers { get; }

    public IReadOnlyList<WriterBinding> Writers { get; }

    /// <summary>Template entries that were skipped, with why.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool TryGetHandler(ushort opcode, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HandlerBinding? binding) =>
        _handlersByOpcode.TryGetValue(opcode, out binding);

    /// <summary>Every opcode bound to <paramref name="handler"/> (several opcodes may share one handler).</summary>
    public IReadOnlyList<ushort> OpcodesOf(string handler) =>
        _opcodesByHandler.TryGetValue(handler, out var opcodes) ? opcodes : [];

    public bool TryGetWriter(string writer, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WriterBinding? binding) =>
        _writersByName.TryGetValue(writer, out binding);

    /// <summary>Every writer name bound to <paramref name="opcode"/> (several layouts may share one client packet).</summary>
    public IReadOnlyList<string> WriterNamesOf(ushort opcode) =>
        _writerNamesByOpcode.TryGetValue(opcode, out var names) ? names : [];

    public static OpcodeTable Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromTemplate(document.RootElement);
    }

    public static OpcodeTable Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        return FromTemplate(document.RootElement);
    }

    /// <summary>Reads a tenant template / tenant configuration document (the same shape).</summary>
    public static OpcodeTable FromTemplate(JsonElement root)
    {
        var region = RequireString(root, "region");
        var major = RequireUInt16(root, "majorVersion");
        var minor = RequireUInt16(root, "minorVersion");
        var version = new ClientVersion(region, major, minor);
        var oneByte = version.OpcodeWidth == 1;

        var problems = new List<string>();
        var handlers = new List<HandlerBinding>();
        var writers = new List<WriterBinding>();
        if (root.TryGetProperty("socket", out var socket) && socket.ValueKind == JsonValueKind.Object)
        {
            foreach (var (entry, index) in Entries(socket, "handlers"))
            {
                var name = OptionalString(entry, "handler");
                var validator = OptionalString(entry, "validator");
                var opText = OptionalString(entry, "opCode");
                if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(validator))
                {
                    problems.Add($"handlers[{index}]: missing handler or validator name");
                    continue;
                }

                if (!OpcodeText.TryParse(opText, out var opcode))
                {
                    problems.Add($"handlers[{index}] {name}: bad opCode '{opText}'");
                    continue;
                }

                handlers.Add(new HandlerBinding(oneByte ? (byte)opcode : opcode, name, validator, Options(entry)));
            }

            foreach (var (entry, index) in Entries(socket, "writers"))
            {
                var name = OptionalString(entry, "writer");
                var opText = OptionalString(entry, "opCode");
                if (string.IsNullOrEmpty(name))
                {
                    problems.Add($"writers[{index}]: missing writer name");
                    continue;
                }

                if (!OpcodeText.TryParse(opText, out var opcode))
                {
                    problems.Add($"writers[{index}] {name}: bad opCode '{opText}'");
                    continue;
                }

                writers.Add(new WriterBinding(oneByte ? (byte)opcode : opcode, name, Options(entry)));
            }
        }
        else
        {
            problems.Add("no socket section: the tenant has no opcodes");
        }

        return new OpcodeTable(version, handlers, writers, problems);
    }

    private static IEnumerable<(JsonElement Entry, int Index)> Entries(JsonElement socket, string name)
    {
        if (!socket.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            yield break;
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object)
                yield return (entry, index);
            index++;
        }
    }

    private static JsonElement? Options(JsonElement entry) =>
        entry.TryGetProperty("options", out var options) && options.ValueKind != JsonValueKind.Null ? options.Clone() : null;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequireString(JsonElement element, string name) =>
        OptionalString(element, name) is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"tenant template: '{name}' is missing or not a string");

    private static ushort RequireUInt16(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt16(out var number)
            ? number
            : throw new InvalidDataException($"tenant template: '{name}' is missing or not a number in 0..65535");
}
