using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Tool.Bot;

/// <summary>Payloads (after the opcode) of the client packets the bot sends, laid out as spec/packets describes.</summary>
internal static class BotPackets
{
    /// <summary>
    /// CharacterLoggedInHandle (field.md §12): character id, 16-byte machine id, GM flag (u16 on JMS), 0, 8 bytes.
    /// </summary>
    public static byte[] CharacterLoggedIn(ClientVersion version, int characterId)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var writer = PacketWriter.Rent();
        writer.WriteInt32(characterId);
        for (var i = 0; i < 16; i++)
            writer.WriteByte(0xAB);
        if (version.IsJapan)
            writer.WriteUInt16(0);
        else
            writer.WriteByte(0);
        writer.WriteByte(0).WriteZeroes(8);
        return writer.ToArray();
    }
}
