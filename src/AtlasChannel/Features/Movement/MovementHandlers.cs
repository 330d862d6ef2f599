using AtlasChannel.Contracts;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Movement;

/// <summary>
/// <c>CharacterMoveHandle</c> (field.md §7.1): parse the path with the template's command table, relay
/// <c>CharacterMovement</c> to the others in the field (local registry, encoded once), record the folded position
/// on the session and produce <c>COMMAND_TOPIC_CHARACTER_MOVEMENT</c>. A path that does not parse is dropped.
/// </summary>
public sealed partial class CharacterMoveHandler(
    ISessionRegistry registry,
    ICommandPublisher publisher,
    ILogger<CharacterMoveHandler> logger) : IPacketHandler
{
    public string Name => MovementPackets.MoveHandler;

    public ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (session.Phase != SessionPhase.InField)
            return ValueTask.CompletedTask;

        var version = session.Server.Version;
        var prefix = MovementPackets.MoveHandlePrefixLength(version);
        var payload = context.Payload;
        if (payload.Length < prefix)
        {
            LogTruncated(logger, session.Id, payload.Length);
            return ValueTask.CompletedTask;
        }

        var format = MovementFormat.For(version, context.Binding);
        var pathBytes = payload[prefix..];
        var parse = format.Parse(pathBytes.Span, session.Foothold);
        if (!parse.Ok)
        {
            var hex = Convert.ToHexString(payload.Span);
            LogDropped(logger, session.Id, parse.Error, parse.FailedFragment, parse.FragmentCount, parse.FailedCommand, format.CommandCount, hex);
            return ValueTask.CompletedTask;
        }

        var map = session.Map;
        var characterId = session.CharacterId;
        registry.SendToMap(map, MovementPackets.MovementWriter, new MovementRelay(characterId, pathBytes[..parse.Length]), MovementPackets.Movement, except: session);

        var summary = parse.Summary;
        session.UpdatePosition(new Protocol.Packets.Position(summary.X, summary.Y), summary.Stance, summary.Foothold);
        return PublishAsync(session, map, characterId, summary, cancellationToken);
    }

    private async ValueTask PublishAsync(Session session, MapKey map, int characterId, MovementSummary summary, CancellationToken cancellationToken)
    {
        if (!await publisher.PublishAsync(Topics.CommandCharacterMovement, MessageKeys.Create(characterId), Command(session, map, characterId, summary), session.Tenant, cancellationToken))
            LogPublishFailed(logger, session.Id, characterId);
    }

    /// <summary>The command for one parsed move (spec/kafka/movement.md): objectId = observerId = characterId.</summary>
    public static MovementCommand Command(Session session, MapKey map, int characterId, MovementSummary summary)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new MovementCommand
        {
            WorldId = session.Server.WorldId,
            ChannelId = session.Server.ChannelId,
            MapId = map.MapId,
            Instance = map.Instance,
            ObjectId = (ulong)(uint)characterId,
            ObserverId = (uint)characterId,
            X = summary.X,
            Y = summary.Y,
            Stance = summary.Stance,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CharacterMoveHandle from session {SessionId} dropped: {Length} bytes is shorter than the fixed prefix")]
    private static partial void LogTruncated(ILogger logger, Guid sessionId, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CharacterMoveHandle from session {SessionId} dropped: {Error} at fragment {Fragment} of {Count} (command {Command}, table has {Commands} commands); frame {Hex}")]
    private static partial void LogDropped(ILogger logger, Guid sessionId, MovementParseError error, int fragment, int count, byte command, int commands, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: COMMAND_TOPIC_CHARACTER_MOVEMENT for character {CharacterId} was not published")]
    private static partial void LogPublishFailed(ILogger logger, Guid sessionId, int characterId);
}
