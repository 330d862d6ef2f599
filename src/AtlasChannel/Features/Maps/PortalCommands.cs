using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;

namespace AtlasChannel.Features.Maps;

/// <summary>COMMAND_TOPIC_PORTAL (spec/kafka/portal.md): keyed by the portal id, not the character.</summary>
public sealed class PortalCommands(ICommandPublisher publisher)
{
    public static PortalCommand<PortalEnterBody> Enter(Session session, uint portalId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var map = session.Map;
        return new PortalCommand<PortalEnterBody>
        {
            WorldId = map.WorldId,
            ChannelId = map.ChannelId,
            MapId = map.MapId,
            Instance = map.Instance,
            PortalId = portalId,
            Type = PortalCommandTypes.Enter,
            Body = new PortalEnterBody { CharacterId = (uint)session.CharacterId },
        };
    }

    public Task<bool> EnterAsync(Session session, uint portalId, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.CommandPortal, MessageKeys.Create(portalId), Enter(session, portalId), session.Tenant, cancellationToken);
}
