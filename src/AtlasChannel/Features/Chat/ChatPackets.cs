using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Chat;

/// <summary>What the general chat handler reads (chat-social.md §1.1).</summary>
public readonly record struct GeneralChatRequest(string Message, bool BalloonOnly);

/// <summary>What the group chat handler reads (chat-social.md §2.1).</summary>
public sealed record MultiChatRequest(byte ChatType, IReadOnlyList<uint> Recipients, string Message);

/// <summary>What the whisper / find handler reads (chat-social.md §3.1); <see cref="Message"/> is empty except for mode 6.</summary>
public readonly record struct WhisperRequest(byte Mode, string TargetName, string Message);

/// <summary>Chat packet layouts (chat-social.md §1–§3); every version branch of chat lives here.</summary>
public static class ChatPackets
{
    public const string GeneralWriter = "CharacterChatGeneral";

    /// <summary>The v83 template spelling; <see cref="MultiWriterAlias"/> is the name the Atlas code once used.</summary>
    public const string MultiWriter = "CharacterMultiChat";

    public const string MultiWriterAlias = "CharacterChatMulti";

    public const string WhisperWriter = "CharacterChatWhisper";

    /// <summary>
    /// Longest chat text accepted from a client. The v83 edit box stops at 70 characters; Cosmic bounds packet-edited
    /// text at 127 (Byte.MAX_VALUE). We accept up to 127 bytes so no legitimate client is refused.
    /// </summary>
    public const int MaxMessageLength = 127;

    /// <summary>Character names are at most 12 characters (a 13-byte zero-padded field on the wire).</summary>
    public const int MaxNameLength = 12;

    public const byte WhisperModeFind = 0x05;
    public const byte WhisperModeChat = 0x06;
    public const byte WhisperModeBuddyFind = 0x44;

    public const byte WhisperResult = 0x0A;
    public const byte WhisperReceived = 0x12;
    public const byte FindResult = 0x09;
    public const byte BuddyFindResult = 0x48;

    public const byte LocationNone = 0;
    public const byte LocationSameChannel = 1;
    public const byte LocationCashShop = 2;
    public const byte LocationOtherChannel = 3;

    /// <summary>General chat and whisper carry an updateTime on GMS v87+ and JMS (HEAD; the afa gate was GMS &gt; 83).</summary>
    public static bool HasUpdateTime(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.IsJapan || version.Major >= 87;
    }

    /// <summary>Group chat carries an updateTime on GMS v95 only.</summary>
    public static bool MultiHasUpdateTime(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return !version.IsJapan && version.Major >= 95;
    }

    public static GeneralChatRequest ReadGeneral(ref PacketReader reader, ClientVersion version)
    {
        if (HasUpdateTime(version))
            reader.ReadInt32();
        var message = reader.ReadString();
        var balloonOnly = reader.ReadBool();
        return new GeneralChatRequest(message, balloonOnly);
    }

    public static MultiChatRequest ReadMulti(ref PacketReader reader, ClientVersion version)
    {
        if (MultiHasUpdateTime(version))
            reader.ReadInt32();
        var chatType = reader.ReadByte();
        var count = reader.ReadByte();
        var recipients = new uint[count];
        for (var i = 0; i < count; i++)
            recipients[i] = reader.ReadUInt32();
        var message = reader.ReadString();
        return new MultiChatRequest(chatType, recipients, message);
    }

    public static WhisperRequest ReadWhisper(ref PacketReader reader, ClientVersion version)
    {
        var mode = reader.ReadByte();
        if (HasUpdateTime(version))
            reader.ReadInt32();
        var target = reader.ReadString();
        var message = mode == WhisperModeChat ? reader.ReadString() : string.Empty;
        return new WhisperRequest(mode, target, message);
    }

    /// <summary>§1.2 CharacterChatGeneral: speaker, white (GM) background, text, balloon only.</summary>
    public static readonly PacketBody<(uint CharacterId, bool Gm, string Message, bool BalloonOnly)> General =
        static (writer, in context, state) =>
            writer.WriteUInt32(state.CharacterId).WriteBool(state.Gm).WriteString(state.Message).WriteBool(state.BalloonOnly);

    /// <summary>§2.2 CharacterMultiChat: chat type, sender name, text.</summary>
    public static readonly PacketBody<(byte ChatType, string SenderName, string Message)> Multi =
        static (writer, in context, state) =>
            writer.WriteByte(state.ChatType).WriteString(state.SenderName).WriteString(state.Message);

    /// <summary>§3.2 mode 0x0A: whisper send result.</summary>
    public static readonly PacketBody<(string TargetName, bool Success)> WhisperSendResult =
        static (writer, in context, state) =>
            writer.WriteByte(WhisperResult).WriteString(state.TargetName).WriteBool(state.Success);

    /// <summary>§3.2 mode 0x12: whisper received (sender, sender's 0-based channel, from admin, text).</summary>
    public static readonly PacketBody<(string SenderName, byte ChannelId, string Message)> WhisperReceipt =
        static (writer, in context, state) =>
            writer.WriteByte(WhisperReceived).WriteString(state.SenderName).WriteByte(state.ChannelId).WriteBool(false).WriteString(state.Message);

    /// <summary>§3.2 modes 0x09 / 0x48: find result; x/y follow only for 0x09 with location type 1 (audit).</summary>
    public static readonly PacketBody<FindAnswer> Find =
        static (writer, in context, state) =>
        {
            writer.WriteByte(state.Mode).WriteString(state.TargetName).WriteByte(state.LocationType).WriteInt32(state.Value);
            if (state.Mode == FindResult && state.LocationType == LocationSameChannel)
                writer.WriteInt32(state.X).WriteInt32(state.Y);
        };
}

/// <summary>One find result (§3.2 0x09 / 0x48).</summary>
public readonly record struct FindAnswer(byte Mode, string TargetName, byte LocationType, int Value, int X = 0, int Y = 0);
