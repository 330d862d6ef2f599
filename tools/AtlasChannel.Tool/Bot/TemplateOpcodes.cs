using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Tool.Bot;

/// <summary>Looks up the opcodes a bot speaks, by the names in the tenant template.</summary>
internal static class TemplateOpcodes
{
    /// <summary>The opcode the client sends to <paramref name="handlerName"/>; throws when the template has no such handler.</summary>
    public static ushort Handler(OpcodeTable table, ClientVersion version, string handlerName)
    {
        var opcodes = table.OpcodesOf(handlerName);
        return opcodes.Count > 0 ? opcodes[0] : throw new InvalidOperationException($"the {version} template has no handler named '{handlerName}'");
    }

    /// <summary>The opcode of the server packet <paramref name="writerName"/>, or −1 when the template has none.</summary>
    public static int WriterOrNone(OpcodeTable table, string writerName) =>
        table.TryGetWriter(writerName, out var binding) ? binding.Opcode : -1;
}
