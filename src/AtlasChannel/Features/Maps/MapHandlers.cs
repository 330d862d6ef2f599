using AtlasChannel.Contracts.Rest;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// <c>MapChangeHandle</c> (field.md §8): a walk through a named portal becomes COMMAND_TOPIC_PORTAL ENTER.
/// The empty body is the client leaving the cash shop (session-lifecycle.md §9): that flow is the cash-shop feature's.
/// </summary>
public sealed partial class MapChangeHandler(
    CashShop.CashShopExit cashShopExit,
    CharacterPeer characters,
    PortalDataPeer portals,
    PortalCommands commands,
    ILogger<MapChangeHandler> logger) : IPacketHandler
{
    public string Name => "MapChangeHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (context.Payload.IsEmpty)
        {
            await cashShopExit.LeaveAsync(session, cancellationToken);
            return;
        }

        var reader = context.Reader();
        var request = MapPackets.ReadMapChange(ref reader, session.Server.Version);
        if (session.Phase != SessionPhase.InField)
            return;

        try
        {
            var character = await characters.GetAsync(session.Tenant, session.CharacterId, cancellationToken);
            if (character is null)
            {
                LogUnknownCharacter(logger, session.Id, session.CharacterId);
                return;
            }

            if (character.Attributes.Hp == 0)
            {
                // The respawn saga (saga.md character_respawn) is not built yet.
                LogRespawnNotImplemented(logger, session.Id, session.CharacterId);
                return;
            }

            await PortalEntry.EnterAsync(session, request.PortalName, portals, commands, logger, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, session.Id, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: character {CharacterId} not found; map change dropped")]
    private static partial void LogUnknownCharacter(ILogger logger, Guid sessionId, int characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: character {CharacterId} is dead; the respawn saga is not implemented, map change dropped")]
    private static partial void LogRespawnNotImplemented(ILogger logger, Guid sessionId, int characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: map change lookup failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, string reason);
}

/// <summary><c>PortalScriptHandle</c> (field.md §9): a scripted portal touched → COMMAND_TOPIC_PORTAL ENTER.</summary>
public sealed partial class PortalScriptHandler(PortalDataPeer portals, PortalCommands commands, ILogger<PortalScriptHandler> logger) : IPacketHandler
{
    public string Name => "PortalScriptHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var request = MapPackets.ReadPortalScript(ref reader);
        if (session.Phase != SessionPhase.InField)
            return;
        try
        {
            await PortalEntry.EnterAsync(session, request.PortalName, portals, commands, logger, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, session.Id, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: portal script lookup failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, string reason);
}

internal static partial class PortalEntry
{
    /// <summary>Resolves the portal by name in the session's current map and produces ENTER; unknown names produce nothing.</summary>
    public static async Task EnterAsync(Session session, string portalName, PortalDataPeer portals, PortalCommands commands, ILogger logger, CancellationToken cancellationToken)
    {
        if (portalName.Length == 0)
        {
            LogNoPortal(logger, session.Id);
            return;
        }

        var mapId = session.Map.MapId;
        var portalId = await portals.FindIdByNameAsync(session.Tenant, mapId, portalName, cancellationToken);
        if (portalId is not { } id)
        {
            LogUnknownPortal(logger, session.Id, portalName, mapId);
            return;
        }

        if (!await commands.EnterAsync(session, id, cancellationToken))
            LogPublishFailed(logger, session.Id, id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: map change without a portal name (death or GM warp) is not handled; ignored")]
    private static partial void LogNoPortal(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: no portal '{PortalName}' in map {MapId}; nothing produced")]
    private static partial void LogUnknownPortal(ILogger logger, Guid sessionId, string portalName, uint mapId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: COMMAND_TOPIC_PORTAL ENTER for portal {PortalId} was not delivered")]
    private static partial void LogPublishFailed(ILogger logger, Guid sessionId, uint portalId);
}
