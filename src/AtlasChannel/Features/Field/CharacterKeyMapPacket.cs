using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>CharacterKeyMap and the two auto-potion packets sent after login (field.md §14).</summary>
public static class CharacterKeyMapPacket
{
    public const string KeyMapWriter = "CharacterKeyMap";
    public const string AutoHpWriter = "CharacterKeyMapAutoHp";
    public const string AutoMpWriter = "CharacterKeyMapAutoMp";

    /// <summary>
    /// 90 entries (Atlas HEAD and Cosmic; the v83 client reads 89, the last 5 bytes are slack). A character with no
    /// stored bindings gets the client's built-in layout (reset flag 1) rather than an all-unbound keyboard.
    /// </summary>
    public static void WriteKeyMap(PacketWriter writer, OpcodeTable opcodes, ClientVersion version, CharacterKeyMap keyMap)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(keyMap);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteOpcode(Opcode(opcodes, KeyMapWriter), version.OpcodeWidth);
        if (keyMap.Bindings.Count == 0)
        {
            writer.WriteBool(true);
            return;
        }

        writer.WriteBool(false);
        var byKey = keyMap.Bindings.ToDictionary(b => b.Key);
        for (var key = 0; key < CharacterKeyMap.KeyCount; key++)
        {
            if (byKey.TryGetValue(key, out var binding))
                writer.WriteByte(binding.Type).WriteInt32(binding.Action);
            else
                writer.WriteByte(0).WriteInt32(0);
        }
    }

    public static void WriteAutoHp(PacketWriter writer, OpcodeTable opcodes, ClientVersion version, CharacterKeyMap keyMap) =>
        WriteItem(writer, opcodes, version, AutoHpWriter, keyMap?.AutoHpItemId ?? 0);

    public static void WriteAutoMp(PacketWriter writer, OpcodeTable opcodes, ClientVersion version, CharacterKeyMap keyMap) =>
        WriteItem(writer, opcodes, version, AutoMpWriter, keyMap?.AutoMpItemId ?? 0);

    private static void WriteItem(PacketWriter writer, OpcodeTable opcodes, ClientVersion version, string writerName, int itemId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteOpcode(Opcode(opcodes, writerName), version.OpcodeWidth).WriteInt32(itemId);
    }

    private static ushort Opcode(OpcodeTable opcodes, string writerName)
    {
        ArgumentNullException.ThrowIfNull(opcodes);
        return opcodes.TryGetWriter(writerName, out var binding)
            ? binding.Opcode
            : throw new InvalidOperationException($"the {opcodes.Version} opcode table has no '{writerName}' writer");
    }
}
