using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Tool.Decode;

/// <summary>Names an opcode from the tenant template: writer name(s) for server packets, handler name for client packets.</summary>
internal static class PacketNames
{
    public static string ServerPacket(OpcodeTable table, ushort opcode)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = table.WriterNamesOf(opcode);
        return names.Count == 0 ? "?" : string.Join('|', names);
    }

    public static string ClientPacket(OpcodeTable table, ushort opcode)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.TryGetHandler(opcode, out var binding) ? binding.Handler : "?";
    }
}
