using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Data;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The account service's side of the session lifecycle (session-lifecycle.md §5.2 step 5, §8 step 4, §10): the
/// login gate for PROGRESS_STATE 1, transitions for state 2, and LOGOUT.
/// </summary>
internal sealed partial class AccountService(
    SandboxOptions options,
    AccountCatalog accounts,
    AccountSessions sessions,
    PeerPublisher publisher,
    ILogger<AccountService> logger) : PeerService(options, logger)
{
    public const string SystemError = "SYSTEM_ERROR";

    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) =>
    [
        subscriber.Subscribe(Topics.CommandAccountSession, Guarded<AccountSessionCommand<AccountSessionProgressStateBody>>(OnProgressStateAsync)),
        subscriber.Subscribe(Topics.CommandAccountSession, Guarded<AccountSessionCommand<EmptyBody>>(OnLogoutAsync)),
    ];

    private async ValueTask OnProgressStateAsync(ConsumedMessage<AccountSessionCommand<AccountSessionProgressStateBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != AccountSessionCommandTypes.ProgressState || command.SessionId == Guid.Empty)
        {
            LogRejectedCommand(Logger, command.Type, command.SessionId, command.AccountId);
            return;
        }

        switch (command.Body.State)
        {
            case 1 when command.Author == AccountSessionCommandTypes.ChannelAuthor:
                await LogInAsync(consumed.Tenant, command, cancellationToken);
                break;
            case 1:
                LogForeignAuthor(Logger, command.Author, command.SessionId, command.AccountId);
                break;
            case 2:
                if (!sessions.MarkTransition(command.AccountId, command.SessionId))
                    LogUnknownAccount(Logger, command.AccountId, command.SessionId);
                // The account service emits STATE_CHANGED even when the transition could not be recorded.
                await PublishStateChangedAsync(consumed.Tenant, command, cancellationToken);
                break;
            default:
                LogUnsupportedState(Logger, command.Body.State, command.SessionId, command.AccountId);
                break;
        }
    }

    private async ValueTask LogInAsync(Tenant tenant, AccountSessionCommand<AccountSessionProgressStateBody> command, CancellationToken cancellationToken)
    {
        var decision = sessions.TryLogIn(command.AccountId, command.SessionId);
        var name = accounts.TryGet(command.AccountId, out var account) ? account.Name : "";
        var key = MessageKeys.Create(command.AccountId);
        if (decision != LoginDecision.Accepted)
        {
            LogLoginRefused(Logger, command.AccountId, command.SessionId, decision);
            var error = new AccountSessionStatusEvent<AccountSessionErrorBody>
            {
                SessionId = command.SessionId,
                AccountId = command.AccountId,
                AccountName = name,
                Type = AccountSessionStatusTypes.Error,
                Body = new AccountSessionErrorBody { Code = SystemError },
            };
            await publisher.PublishAsync(Topics.EventAccountSessionStatus, key, error, tenant, cancellationToken);
            return;
        }

        LogLoggedIn(Logger, command.AccountId, command.SessionId);
        var status = new AccountStatusEvent { AccountId = command.AccountId, Name = name, Status = AccountStatuses.LoggedIn };
        await publisher.PublishAsync(Topics.EventAccountStatus, key, status, tenant, cancellationToken);
        await PublishStateChangedAsync(tenant, command, cancellationToken);
    }

    private async ValueTask PublishStateChangedAsync(Tenant tenant, AccountSessionCommand<AccountSessionProgressStateBody> command, CancellationToken cancellationToken)
    {
        var changed = new AccountSessionStatusEvent<AccountSessionStateChangedBody>
        {
            SessionId = command.SessionId,
            AccountId = command.AccountId,
            AccountName = accounts.TryGet(command.AccountId, out var account) ? account.Name : "",
            Type = AccountSessionStatusTypes.StateChanged,
            Body = new AccountSessionStateChangedBody { State = command.Body.State, Params = command.Body.Params },
        };
        await publisher.PublishAsync(Topics.EventAccountSessionStatus, MessageKeys.Create(command.AccountId), changed, tenant, cancellationToken);
    }

    private async ValueTask OnLogoutAsync(ConsumedMessage<AccountSessionCommand<EmptyBody>> consumed, CancellationToken cancellationToken)
    {
        var command = consumed.Message;
        if (command.Type != AccountSessionCommandTypes.Logout || command.SessionId == Guid.Empty)
        {
            LogRejectedCommand(Logger, command.Type, command.SessionId, command.AccountId);
            return;
        }

        var outcome = sessions.LogOut(command.AccountId, command.SessionId);
        LogLogout(Logger, command.AccountId, command.SessionId, outcome);
        if (outcome != LogoutOutcome.LoggedOut)
            return;

        var name = accounts.TryGet(command.AccountId, out var account) ? account.Name : "";
        var status = new AccountStatusEvent { AccountId = command.AccountId, Name = name, Status = AccountStatuses.LoggedOut };
        await publisher.PublishAsync(Topics.EventAccountStatus, MessageKeys.Create(command.AccountId), status, consumed.Tenant, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox account service ignores command {Type} for session {SessionId}, account {AccountId}")]
    private static partial void LogRejectedCommand(ILogger logger, string type, Guid sessionId, uint accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox account service ignores state 1 from {Author} (session {SessionId}, account {AccountId})")]
    private static partial void LogForeignAuthor(ILogger logger, string author, Guid sessionId, uint accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox account service: unsupported state {State} (session {SessionId}, account {AccountId})")]
    private static partial void LogUnsupportedState(ILogger logger, byte state, Guid sessionId, uint accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox account service: transition for unknown account {AccountId} (session {SessionId})")]
    private static partial void LogUnknownAccount(ILogger logger, uint accountId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox account service refused login of account {AccountId} for session {SessionId}: {Decision}")]
    private static partial void LogLoginRefused(ILogger logger, uint accountId, Guid sessionId, LoginDecision decision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox account service logged account {AccountId} in on session {SessionId}")]
    private static partial void LogLoggedIn(ILogger logger, uint accountId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox account service: logout of account {AccountId} by session {SessionId}: {Outcome}")]
    private static partial void LogLogout(ILogger logger, uint accountId, Guid sessionId, LogoutOutcome outcome);
}
