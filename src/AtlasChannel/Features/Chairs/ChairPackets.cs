using AtlasChannel.Packets;
using AtlasChannel.Sessions;

namespace AtlasChannel.Features.Chairs;

/// <summary>Chair packets (chat-social.md §6) and the "enable actions" answer (field.md §13).</summary>
public static class ChairPackets
{
    public const string ShowChairWriter = "CharacterShowChair";
    public const string SitResultWriter = "CharacterSitResult";

    /// <summary>Portable chairs are setup items 301xxxx.</summary>
    public static bool IsPortableChair(uint itemId) => itemId / 10000 == 301;

    /// <summary>§6.3: character, portable chair item id (0 = stood up).</summary>
    public static readonly PacketBody<(uint CharacterId, uint ChairId)> ShowChair =
        static (writer, in context, state) => writer.WriteUInt32(state.CharacterId).WriteUInt32(state.ChairId);

    /// <summary>§6.4 sitting on a fixed seat: 1, seat id.</summary>
    public static readonly PacketBody<ushort> Sit =
        static (writer, in context, seat) => writer.WriteBool(true).WriteUInt16(seat);

    /// <summary>§6.4 standing up: 0.</summary>
    public static readonly PacketBody<byte> Stand =
        static (writer, in context, _) => writer.WriteBool(false);
}

/// <summary>"Enable actions": StatChanged with exclRequest = 1 and no stats (field.md §13).</summary>
public static class EnableActions
{
    public const string Writer = "StatChanged";

    private static readonly PacketBody<byte> Body = static (writer, in context, _) =>
    {
        writer.WriteBool(true).WriteUInt32(0).WriteByte(0);
        if (!context.Version.IsJapan && context.Version.Major >= 95)
            writer.WriteByte(0); // v95: battle recovery info
    };

    public static bool Send(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Send(Writer, (byte)0, Body);
    }
}
