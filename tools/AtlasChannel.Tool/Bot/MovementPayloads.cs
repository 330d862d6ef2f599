using System.Buffers.Binary;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Tool.Bot;

/// <summary>
/// Client payloads for walking and chatting (field.md §7.1 + common.md §6, chat-social.md §1.1), and the reader the
/// load tool uses on relayed CharacterMovement (field.md §7.2).
/// </summary>
/// <remarks>
/// The load tool stamps a 16-bit sequence number in the NORMAL fragment's <c>vy</c> (a walk on a foothold has vy 0);
/// the server relays fragment bytes verbatim, so receivers can match each relay to its send time.
/// </remarks>
internal static class MovementPayloads
{
    public const byte NormalCommand = 0; // NORMAL in every shipped command table
    public const byte WalkRight = 2;
    public const byte WalkLeft = 3;

    /// <summary>CharacterMoveHandle payload: one NORMAL fragment from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static byte[] Walk(ClientVersion version, Position from, Position to, short vx, ushort sequence, short foothold, short elapse)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var writer = PacketWriter.Rent();
        if (!version.IsJapan && version.Major >= 84)
            writer.WriteInt32(0).WriteInt32(0).WriteByte(1).WriteInt32(0).WriteInt32(0).WriteInt32(0).WriteInt32(0).WriteInt32(0);
        else if (!version.IsJapan && version.Major <= 61)
            writer.WriteByte(1);
        else
            writer.WriteByte(1).WriteInt32(0x12345678);
        writer.WritePosition(from);
        if (HeaderHasVelocity(version))
            writer.WriteInt16(vx).WriteInt16(0);
        writer.WriteByte(1);
        writer.WriteByte(NormalCommand).WritePosition(to).WriteInt16(vx).WriteUInt16(sequence).WriteInt16(foothold);
        if (NormalHasOffsets(version))
            writer.WriteInt32(0);
        writer.WriteByte(vx < 0 ? WalkLeft : WalkRight).WriteInt16(elapse);
        // CMovePath::Flush's trailer (key-pad states + bounding box); the server must not forward it.
        writer.WriteByte(0).WriteZeroes(8);
        return writer.ToArray();
    }

    /// <summary>CharacterChatGeneralHandle payload: [updateTime on GMS v87+ / JMS], message, onlyBalloon.</summary>
    public static byte[] ChatGeneral(ClientVersion version, string message, bool onlyBalloon = false)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var writer = PacketWriter.Rent(PacketEncoding.For(version));
        if (version.IsJapan || version.Major >= 87)
            writer.WriteInt32(Environment.TickCount);
        writer.WriteString(message).WriteBool(onlyBalloon);
        return writer.ToArray();
    }

    /// <summary>
    /// From a received CharacterMovement body (opcode included): the mover and the first fragment's <c>vy</c>, if the
    /// first fragment is NORMAL.
    /// </summary>
    public static bool TryReadRelay(ClientVersion version, ReadOnlySpan<byte> body, out int characterId, out ushort sequence)
    {
        ArgumentNullException.ThrowIfNull(version);
        characterId = 0;
        sequence = 0;
        var offset = version.OpcodeWidth;
        var fragment = offset + 4 + (HeaderHasVelocity(version) ? 8 : 4) + 1;
        if (body.Length < fragment + 9 || body[fragment - 1] == 0 || body[fragment] != NormalCommand)
            return false;
        characterId = BinaryPrimitives.ReadInt32LittleEndian(body[offset..]);
        sequence = BinaryPrimitives.ReadUInt16LittleEndian(body[(fragment + 7)..]);
        return true;
    }

    private static bool HeaderHasVelocity(ClientVersion version) => !version.IsJapan && version.Major >= 88;

    private static bool NormalHasOffsets(ClientVersion version) => version.IsJapan || version.Major >= 87;
}
