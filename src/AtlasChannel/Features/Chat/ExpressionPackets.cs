using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Chat;

/// <summary>Face expressions (chat-social.md §4); every version branch of them lives here.</summary>
public static class ExpressionPackets
{
    public const string Writer = "CharacterExpression";

    /// <summary>The highest emote the client itself accepts: 0x16 in v83, 0x17 in v95.</summary>
    public static int MaxEmote(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return !version.IsJapan && version.Major >= 95 ? 0x17 : 0x16;
    }

    /// <summary>§4.1: emote, then (GMS v95) duration and byItemOption, which the channel does not forward.</summary>
    public static int Read(ref PacketReader reader, ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var emote = reader.ReadInt32();
        if (!version.IsJapan && version.Major >= 95)
        {
            reader.ReadInt32();
            reader.ReadBool();
        }

        return emote;
    }

    /// <summary>
    /// §4.2: character, emote; duration on GMS v95 and JMS; byItemOption on GMS v95. The event carries no duration,
    /// so those versions get 0 (unverified against a v95 client).
    /// </summary>
    public static readonly PacketBody<(uint CharacterId, uint Emote)> Expression =
        static (writer, in context, state) =>
        {
            writer.WriteUInt32(state.CharacterId).WriteUInt32(state.Emote);
            var gms95 = !context.Version.IsJapan && context.Version.Major >= 95;
            if (gms95 || context.Version.IsJapan)
                writer.WriteInt32(0);
            if (gms95)
                writer.WriteBool(false);
        };
}
