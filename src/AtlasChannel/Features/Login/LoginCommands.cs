using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;

namespace AtlasChannel.Features.Login;

/// <summary>The commands and status events the login gate and session destruction produce (spec/kafka/account.md, session.md).</summary>
public sealed class LoginCommands(ICommandPublisher publisher)
{
    /// <summary>PROGRESS_STATE state 1: "log this channel session in as the character's account".</summary>
    public Task<bool> RequestLoginAsync(Session session, int accountId, int characterId, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.CommandAccountSession, MessageKeys.Create(accountId), new AccountSessionCommand<AccountSessionProgressStateBody>
        {
            SessionId = session.Id,
            AccountId = (uint)accountId,
            Author = AccountSessionCommandTypes.ChannelAuthor,
            Type = AccountSessionCommandTypes.ProgressState,
            Body = new AccountSessionProgressStateBody { State = 1, Params = AccountSessionParams.Login((uint)characterId) },
        }, session.Tenant, cancellationToken);

    /// <summary>PROGRESS_STATE state 2: the session is migrating to <paramref name="ipAddress"/>:<paramref name="port"/>.</summary>
    public Task<bool> RequestMigrationAsync(Session session, string ipAddress, ushort port, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.CommandAccountSession, MessageKeys.Create(session.AccountId), new AccountSessionCommand<AccountSessionProgressStateBody>
        {
            SessionId = session.Id,
            AccountId = (uint)session.AccountId,
            Author = AccountSessionCommandTypes.ChannelAuthor,
            Type = AccountSessionCommandTypes.ProgressState,
            Body = new AccountSessionProgressStateBody { State = 2, Params = AccountSessionParams.ChannelChange(ipAddress, port) },
        }, session.Tenant, cancellationToken);

    public Task<bool> LogoutAsync(Session session, int accountId, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.CommandAccountSession, MessageKeys.Create(accountId), new AccountSessionCommand<EmptyBody>
        {
            SessionId = session.Id,
            AccountId = (uint)accountId,
            Author = AccountSessionCommandTypes.ChannelAuthor,
            Type = AccountSessionCommandTypes.Logout,
        }, session.Tenant, cancellationToken);

    public Task<bool> SessionStatusAsync(Session session, string type, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.EventSessionStatus, MessageKeys.Create(session.CharacterId), new SessionStatusEvent
        {
            SessionId = session.Id,
            AccountId = (uint)session.AccountId,
            CharacterId = (uint)session.CharacterId,
            WorldId = session.Server.WorldId,
            ChannelId = session.Server.ChannelId,
            Issuer = SessionStatusTypes.ChannelIssuer,
            Type = type,
        }, session.Tenant, cancellationToken);
}
