using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Login;

/// <summary>
/// <c>CharacterLoggedInHandle</c> (field.md §12): the first packet on a channel connection. Reads the character id,
/// looks the character up, reserves its account on this process (one login per account per tenant), and asks the
/// account service to approve the session. Nothing about the character reaches the client until
/// <see cref="LoginGate"/> sees the approval for this very session.
/// </summary>
public sealed partial class CharacterLoggedInHandler(
    CharacterPeer characters,
    SessionRegistry registry,
    LoginCommands commands,
    LoginGate gate,
    ILogger<CharacterLoggedInHandler> logger) : IPacketHandler
{
    public string Name => "CharacterLoggedInHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var characterId = context.Reader().ReadInt32(); // the rest (machine id, GM flag) is not used by either reference
        if (session.Phase != SessionPhase.Anonymous)
        {
            LogRepeated(logger, session.Id, characterId);
            session.Close("second CharacterLoggedIn on one connection");
            return;
        }

        Contracts.Rest.CharacterResource? character;
        try
        {
            character = await characters.GetAsync(session.Tenant, characterId, cancellationToken);
        }
        catch (PeerException ex)
        {
            // Atlas leaves the client hanging here; a clear disconnect is kinder and frees the socket.
            LogLookupFailed(logger, session.Id, characterId, ex.Message);
            session.Close("character lookup failed");
            return;
        }

        if (character is null)
        {
            LogUnknownCharacter(logger, session.Id, characterId);
            session.Close($"unknown character {characterId}");
            return;
        }

        var accountId = (int)character.Attributes.AccountId;
        if (character.Attributes.WorldId != session.Server.WorldId)
        {
            LogWrongWorld(logger, session.Id, characterId, character.Attributes.WorldId, session.Server.WorldId);
            session.Close("character belongs to another world");
            return;
        }

        if (!session.TryBeginLogin(characterId, accountId))
            return;
        if (!registry.TryClaim(session, accountId, characterId))
        {
            LogAlreadyOnline(logger, session.Id, characterId, accountId);
            session.Close($"account {accountId} is already logged in on this channel service");
            return;
        }

        gate.Await(session);
        if (!await commands.RequestLoginAsync(session, accountId, characterId, cancellationToken))
            session.Close("could not send PROGRESS_STATE to the account service");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} sent CharacterLoggedIn again (character {CharacterId}); closing it")]
    private static partial void LogRepeated(ILogger logger, Guid sessionId, int characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: character {CharacterId} lookup failed: {Reason}; closing it")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, int characterId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} asked for unknown character {CharacterId}; closing it")]
    private static partial void LogUnknownCharacter(ILogger logger, Guid sessionId, int characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: character {CharacterId} is of world {CharacterWorld}, this channel serves world {ServerWorld}; closing it")]
    private static partial void LogWrongWorld(ILogger logger, Guid sessionId, int characterId, byte characterWorld, byte serverWorld);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} refused: character {CharacterId} / account {AccountId} already has a live session here")]
    private static partial void LogAlreadyOnline(ILogger logger, Guid sessionId, int characterId, int accountId);
}
