using AtlasChannel.Features.Login;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Channels;

/// <summary>
/// <c>ChannelChangeHandle</c> (field.md §10.1; session-lifecycle.md §8): the target channel's address comes from the
/// channel registry; PROGRESS_STATE state 2 asks the account service to hold the account in transition, and its
/// STATE_CHANGED answer (handled by <see cref="LoginGate"/>) sends the client the migrate command.
/// </summary>
public sealed partial class ChannelChangeHandler(
    CharacterPeer characters,
    ChannelRegistryPeer channels,
    LoginCommands commands,
    ILogger<ChannelChangeHandler> logger) : IPacketHandler
{
    public string Name => "ChannelChangeHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        var target = reader.ReadByte();
        if (session.Phase != SessionPhase.InField)
            return;
        if (target == session.Server.ChannelId)
        {
            LogSameChannel(logger, session.Id, target);
            return;
        }

        try
        {
            var character = await characters.GetAsync(session.Tenant, session.CharacterId, cancellationToken);
            if (character is null || character.Attributes.Hp == 0)
            {
                LogRefusedDead(logger, session.Id, session.CharacterId);
                return;
            }

            var address = await channels.GetAsync(session.Tenant, session.Server.WorldId, target, cancellationToken);
            if (address is not { } found)
            {
                LogUnknownChannel(logger, session.Id, session.Server.WorldId, target);
                return;
            }

            if (!session.TryBeginMigration())
                return;
            if (!await commands.RequestMigrationAsync(session, found.IpAddress, (ushort)found.Port, cancellationToken))
                session.Close("could not send PROGRESS_STATE (channel change) to the account service");
        }
        catch (PeerException ex)
        {
            session.CancelMigration();
            LogLookupFailed(logger, session.Id, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} asked to change to its own channel {Channel}; ignored")]
    private static partial void LogSameChannel(ILogger logger, Guid sessionId, byte channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: channel change refused, character {CharacterId} is dead or unknown")]
    private static partial void LogRefusedDead(ILogger logger, Guid sessionId, int characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: world {World} channel {Channel} is not registered; channel change dropped")]
    private static partial void LogUnknownChannel(ILogger logger, Guid sessionId, byte world, byte channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: channel change lookup failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, string reason);
}
