using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Login;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.CashShop;

/// <summary>
/// Leaving the cash shop (session-lifecycle.md §9 "Leaving"): the client sends CHANGE_MAP with an empty payload, and
/// <c>MapChangeHandle</c> calls <see cref="LeaveAsync"/>. The channel looks up its own registry entry, produces
/// CHARACTER_EXIT and PROGRESS_STATE state 2 with its own address; <see cref="LoginGate"/> sends ChannelChange when
/// the account service answers, and the client logs in again on this same channel.
/// </summary>
public sealed partial class CashShopExit(
    ChannelRegistryPeer channels,
    LoginCommands commands,
    CashShopStatus status,
    CashShopPresence presence,
    ILogger<CashShopExit> logger)
{
    /// <summary>True when the migration back to the field was requested.</summary>
    public async Task<bool> LeaveAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!presence.IsInShop(session))
        {
            LogNotInShop(logger, session.Id);
            return false;
        }

        (string IpAddress, int Port)? address;
        try
        {
            address = await channels.GetAsync(session.Tenant, session.Server.WorldId, session.Server.ChannelId, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, session.Id, ex.Message);
            return false;
        }

        if (address is not { } own)
        {
            LogLookupFailed(logger, session.Id, "this channel is not registered");
            return false;
        }

        if (!session.TryBeginMigration())
            return false;
        presence.Leave(session);
        if (!await status.CharacterExitAsync(session, cancellationToken))
            LogExitNotPublished(logger, session.Id, session.CharacterId);
        if (await commands.RequestMigrationAsync(session, own.IpAddress, (ushort)own.Port, cancellationToken))
            return true;
        session.Close("could not send PROGRESS_STATE (cash-shop exit) to the account service");
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: empty CHANGE_MAP outside the cash shop; ignored")]
    private static partial void LogNotInShop(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: cash-shop exit lookup of this channel failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: CHARACTER_EXIT for character {CharacterId} could not be published")]
    private static partial void LogExitNotPublished(ILogger logger, Guid sessionId, int characterId);
}
