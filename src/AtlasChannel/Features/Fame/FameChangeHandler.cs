using AtlasChannel.Contracts;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Fame;

/// <summary><c>FameChangeHandle</c> (chat-social.md §7.1): int32 target, int8 mode → COMMAND_TOPIC_FAME REQUEST_CHANGE.</summary>
public sealed partial class FameChangeHandler(ICommandPublisher publisher, ILogger<FameChangeHandler> logger) : IPacketHandler
{
    public string Name => "FameChangeHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var targetId = reader.ReadUInt32();
        var mode = reader.ReadByte();
        if (session.Phase != SessionPhase.InField)
            return;
        if (mode > 1 || targetId == 0 || targetId == (uint)session.CharacterId)
        {
            LogRejected(logger, session.Id, targetId, mode);
            return;
        }

        var map = session.Map;
        var command = new FameCommand<FameRequestChangeBody>
        {
            WorldId = session.Server.WorldId,
            CharacterId = (uint)session.CharacterId,
            Type = FameCommandTypes.RequestChange,
            Body = new FameRequestChangeBody
            {
                ChannelId = session.Server.ChannelId,
                MapId = map.MapId,
                Instance = map.Instance,
                TargetId = targetId,
                Amount = (sbyte)((2 * mode) - 1),
            },
        };
        if (!await publisher.PublishAsync(Topics.CommandFame, MessageKeys.Create(session.CharacterId), command, session.Tenant, cancellationToken))
            LogNotPublished(logger, session.Id, targetId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: fame request for {TargetId} with mode {Mode} rejected")]
    private static partial void LogRejected(ILogger logger, Guid sessionId, uint targetId, byte mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: fame request for {TargetId} could not be published")]
    private static partial void LogNotPublished(ILogger logger, Guid sessionId, uint targetId);
}
