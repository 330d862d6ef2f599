using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>A named portal of a sandbox map: its index (the portal id) and where it leads.</summary>
public sealed record SandboxPortal(uint MapId, uint Id, string Name, short X, short Y, uint TargetMapId, string TargetName, uint TargetPortalId);

/// <summary>The fixed portal table of the sandbox maps (Henesys east00 ↔ 100000001 west00).</summary>
public static class SandboxPortals
{
    public const uint NoTarget = 999999999;

    public static IReadOnlyList<SandboxPortal> All { get; } =
    [
        new(100000000, 0, "sp", 0, 0, NoTarget, "", 0),
        new(100000000, 1, "east00", 3000, 274, 100000001, "west00", 1),
        new(100000000, 2, "west00", -1500, 274, 100000001, "east00", 2),
        new(100000001, 0, "sp", 0, 0, NoTarget, "", 0),
        new(100000001, 1, "west00", -300, 150, 100000000, "east00", 1),
        new(100000001, 2, "east00", 1200, 150, 100000000, "west00", 2),
    ];

    public static IEnumerable<SandboxPortal> Named(uint mapId, string name) =>
        All.Where(p => p.MapId == mapId && string.Equals(p.Name, name, StringComparison.Ordinal));

    public static SandboxPortal? Find(uint mapId, uint portalId) => All.FirstOrDefault(p => p.MapId == mapId && p.Id == portalId);
}

/// <summary>
/// The portals service: COMMAND_TOPIC_PORTAL ENTER of a portal with a target ⇒ the character service's MAP_CHANGED,
/// then the maps service's CHARACTER_EXIT (old field) and CHARACTER_ENTER (new field). Portals without a target
/// (spawn points, scripted portals in this table) do nothing.
/// </summary>
internal sealed partial class PortalService(SandboxOptions options, MapService maps, PeerPublisher publisher, ILogger<PortalService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandPortal, Guarded<PortalCommand<PortalEnterBody>>(OnEnterAsync)),
    ];

    private async ValueTask OnEnterAsync(ConsumedMessage<PortalCommand<PortalEnterBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != PortalCommandTypes.Enter)
            return;
        var characterId = command.Body.CharacterId;
        if (SandboxPortals.Find(command.MapId, command.PortalId) is not { TargetMapId: not SandboxPortals.NoTarget } portal)
        {
            LogNoTarget(Logger, characterId, command.PortalId, command.MapId);
            return;
        }

        var from = new FieldKey(command.WorldId, command.ChannelId, command.MapId, command.Instance);
        var to = new FieldKey(command.WorldId, command.ChannelId, portal.TargetMapId, Guid.Empty);
        LogWarp(Logger, characterId, portal.Name, from, to);
        var changed = new CharacterStatusEvent<CharacterMapChangedBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = command.WorldId,
            CharacterId = characterId,
            Type = CharacterStatusTypes.MapChanged,
            Body = new CharacterMapChangedBody
            {
                ChannelId = command.ChannelId,
                OldMapId = from.MapId,
                OldInstance = from.Instance,
                TargetMapId = to.MapId,
                TargetInstance = to.Instance,
                TargetPortalId = portal.TargetPortalId,
            },
        };
        await publisher.PublishAsync(Topics.EventCharacterStatus, MessageKeys.Create(characterId), changed, consumed.Tenant, cancellationToken);
        await maps.CharacterMoveAsync(consumed.Tenant, from, to, characterId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox portals service: character {CharacterId} entered portal {PortalId} of map {MapId}, which leads nowhere")]
    private static partial void LogNoTarget(ILogger logger, uint characterId, uint portalId, uint mapId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox portals service: character {CharacterId} takes portal {Portal} from {From} to {To}")]
    private static partial void LogWarp(ILogger logger, uint characterId, string portal, FieldKey from, FieldKey to);
}
