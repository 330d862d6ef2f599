using System.Globalization;
using System.Text.Json;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Packets;

/// <summary>
/// Reads a code from a template binding's <c>options.&lt;group&gt;.&lt;key&gt;</c>. Templates spell codes either as
/// numbers (<c>75</c>) or as hex strings (<c>"0x05"</c>); strings are parsed with base detection.
/// </summary>
public static class TemplateOptions
{
    public static bool TryGetCode(JsonElement? options, string group, string key, out byte code)
    {
        code = 0;
        if (options is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty(group, out var table) || table.ValueKind != JsonValueKind.Object
            || !table.TryGetProperty(key, out var value))
            return false;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetByte(out var number):
                code = number;
                return true;
            case JsonValueKind.String when OpcodeText.TryParse(value.GetString(), out var parsed) && parsed <= byte.MaxValue:
                code = (byte)parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Like <see cref="TryGetCode"/> but throws when the template lacks the code (a configuration error).</summary>
    public static byte Code(JsonElement? options, string group, string key, string writer) =>
        TryGetCode(options, group, key, out var code)
            ? code
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"writer '{writer}' has no options.{group}.{key}"));

    /// <summary>The template's <c>options.operations.&lt;key&gt;</c> of the writer being encoded; throws when missing.</summary>
    public static byte Operation(in WriterContext context, string key) =>
        Code(context.Binding.Options, "operations", key, context.Binding.Writer);

    /// <summary><c>options.operations.&lt;key&gt;</c>, or <paramref name="fallback"/> when the template does not name it.</summary>
    public static byte OperationOr(WriterBinding binding, string key, byte fallback)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return TryGetCode(binding.Options, "operations", key, out var code) ? code : fallback;
    }
}
