using AtlasChannel.Contracts;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Chat;

/// <summary><c>CharacterChatGeneralHandle</c> (chat-social.md §1.1) → COMMAND_TOPIC_CHARACTER_CHAT GENERAL.</summary>
public sealed partial class ChatGeneralHandler(ChatCommands commands, ILogger<ChatGeneralHandler> logger) : IPacketHandler
{
    public string Name => "CharacterChatGeneralHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var request = ChatPackets.ReadGeneral(ref reader, session.Server.Version);
        if (session.Phase != SessionPhase.InField)
            return;
        if (!ChatText.Acceptable(request.Message))
        {
            ChatLog.Refused(logger, session.Id, request.Message.Length);
            return;
        }

        if (!await commands.GeneralAsync(session, request.Message, request.BalloonOnly, cancellationToken))
            LogNotSent(logger, session.Id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: general chat could not be sent to the messages service")]
    private static partial void LogNotSent(ILogger logger, Guid sessionId);
}

/// <summary>
/// <c>CharacterMultiChatHandle</c> (chat-social.md §2.1; the v83 template spelling) → BUDDY / PARTY / GUILD / ALLIANCE.
/// Other chat types are ignored.
/// </summary>
public sealed partial class ChatMultiHandler(ChatCommands commands, ILogger<ChatMultiHandler> logger) : IPacketHandler
{
    public string Name => "CharacterMultiChatHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var request = ChatPackets.ReadMulti(ref reader, session.Server.Version);
        if (session.Phase != SessionPhase.InField)
            return;
        var type = ChatText.MultiType(request.ChatType);
        if (type is null)
        {
            LogUnknownType(logger, session.Id, request.ChatType);
            return;
        }

        if (!ChatText.Acceptable(request.Message))
        {
            ChatLog.Refused(logger, session.Id, request.Message.Length);
            return;
        }

        if (request.Recipients.Count == 0)
            return;
        if (!await commands.MultiAsync(session, type, request.Recipients, request.Message, cancellationToken))
            LogNotSent(logger, session.Id, type);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: group chat type {ChatType} is not buddy/party/guild/alliance; ignored")]
    private static partial void LogUnknownType(ILogger logger, Guid sessionId, byte chatType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {Type} chat could not be sent to the messages service")]
    private static partial void LogNotSent(ILogger logger, Guid sessionId, string type);
}

/// <summary>The name the Atlas code used for group chat before it adopted the template spelling (opcodes README §2.1).</summary>
public sealed class ChatMultiAliasHandler(ChatMultiHandler handler) : IPacketHandler
{
    public string Name => "CharacterChatMultiHandle";

    public ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken);
}

/// <summary>
/// <c>CharacterChatWhisperHandle</c> (chat-social.md §3.1): mode 6 → COMMAND_TOPIC_CHARACTER_CHAT WHISPER (a send
/// failure answers the sender locally); modes 5 and 68 (find) are answered here from REST and the local sessions.
/// </summary>
public sealed partial class ChatWhisperHandler(
    ChatCommands commands,
    IChatDirectory directory,
    ISessionRegistry registry,
    ILogger<ChatWhisperHandler> logger) : IPacketHandler
{
    public string Name => "CharacterChatWhisperHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var request = ChatPackets.ReadWhisper(ref reader, session.Server.Version);
        if (session.Phase != SessionPhase.InField)
            return;
        switch (request.Mode)
        {
            case ChatPackets.WhisperModeChat:
                await WhisperAsync(session, request, cancellationToken);
                break;
            case ChatPackets.WhisperModeFind:
                await FindAsync(session, request.TargetName, ChatPackets.FindResult, cancellationToken);
                break;
            case ChatPackets.WhisperModeBuddyFind:
                await FindAsync(session, request.TargetName, ChatPackets.BuddyFindResult, cancellationToken);
                break;
            default:
                LogUnhandledMode(logger, session.Id, request.Mode);
                break;
        }
    }

    private async Task WhisperAsync(Session session, WhisperRequest request, CancellationToken cancellationToken)
    {
        if (!ChatText.Acceptable(request.Message))
        {
            ChatLog.Refused(logger, session.Id, request.Message.Length);
            return;
        }

        // A name no character can have is "not found" without asking anyone.
        if (!ChatText.PlausibleName(request.TargetName))
        {
            SendResult(session, request.TargetName, success: false);
            return;
        }

        if (!await commands.WhisperAsync(session, request.TargetName, request.Message, cancellationToken))
        {
            LogNotSent(logger, session.Id);
            SendResult(session, request.TargetName, success: false);
        }
    }

    private async Task FindAsync(Session session, string targetName, byte mode, CancellationToken cancellationToken)
    {
        var answer = new FindAnswer(mode, ChatText.Clip(targetName), ChatPackets.LocationNone, 0);
        if (ChatText.PlausibleName(targetName))
        {
            try
            {
                if (await directory.ByNameAsync(session.Tenant, targetName, cancellationToken) is { } target)
                    answer = Locate(session, target, mode) ?? answer;
            }
            catch (PeerException ex)
            {
                LogFindFailed(logger, session.Id, ex.Message);
            }
        }

        session.Send(ChatPackets.WhisperWriter, answer, ChatPackets.Find);
    }

    /// <summary>Only sessions on this process are visible here; anyone else is reported as not found.</summary>
    private FindAnswer? Locate(Session session, ChatCharacter target, byte mode)
    {
        var found = registry.FindByCharacter(session.Tenant.Id, (int)target.Id);
        if (found is null || found.Server.WorldId != session.Server.WorldId)
            return null;
        if (found.Server.ChannelId != session.Server.ChannelId)
            return new FindAnswer(mode, target.Name, ChatPackets.LocationOtherChannel, found.Server.ChannelId);
        var position = found.Position;
        return new FindAnswer(mode, target.Name, ChatPackets.LocationSameChannel, (int)found.Map.MapId, position.X, position.Y);
    }

    private static void SendResult(Session session, string targetName, bool success) =>
        session.Send(ChatPackets.WhisperWriter, (ChatText.Clip(targetName), success), ChatPackets.WhisperSendResult);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: whisper mode {Mode} is not handled")]
    private static partial void LogUnhandledMode(ILogger logger, Guid sessionId, byte mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: whisper could not be sent to the messages service")]
    private static partial void LogNotSent(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: find look-up failed: {Reason}")]
    private static partial void LogFindFailed(ILogger logger, Guid sessionId, string reason);
}

/// <summary>Bounds on attacker-controlled chat input.</summary>
internal static class ChatText
{
    public static bool Acceptable(string message) => message.Length is > 0 and <= ChatPackets.MaxMessageLength;

    public static bool PlausibleName(string name) => name.Length is > 0 and <= ChatPackets.MaxNameLength;

    /// <summary>Echoed names are cut to the longest real name so a hostile client cannot make us send it megabytes.</summary>
    public static string Clip(string name) => name.Length <= ChatPackets.MaxNameLength ? name : name[..ChatPackets.MaxNameLength];

    public static string? MultiType(byte chatType) => chatType switch
    {
        0 => ChatTypes.Buddy,
        1 => ChatTypes.Party,
        2 => ChatTypes.Guild,
        3 => ChatTypes.Alliance,
        _ => null,
    };

    public static byte? MultiMode(string type) => type switch
    {
        ChatTypes.Buddy => 0,
        ChatTypes.Party => 1,
        ChatTypes.Guild => 2,
        ChatTypes.Alliance => 3,
        _ => null,
    };
}

internal static partial class ChatLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: chat text of {Length} characters refused (empty or over the limit)")]
    public static partial void Refused(ILogger logger, Guid sessionId, int length);
}
