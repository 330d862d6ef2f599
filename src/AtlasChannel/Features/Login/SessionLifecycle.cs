using AtlasChannel.Contracts;
using AtlasChannel.Networking;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Login;

/// <summary>
/// Session destruction's Kafka side (session-lifecycle.md §10): LOGOUT for the account the session held or asked
/// for, DESTROYED for a session that had been CREATED. Atlas also sends both for anonymous sessions (account 0),
/// which the peers ignore; we skip those. Publishes are tracked so shutdown can wait for them.
/// </summary>
public sealed partial class SessionLifecycle(LoginCommands commands, ILogger<SessionLifecycle> logger) : ISessionLifecycle
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public async ValueTask SessionEndedAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var accountId = session.AccountId != 0 ? session.AccountId : session.PendingAccountId;
        if (accountId == 0)
            return;
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (!await commands.LogoutAsync(session, accountId, cancellationToken))
                LogNotSent(logger, session.Id, "LOGOUT");
            if (session.CharacterId != 0 && !await commands.SessionStatusAsync(session, SessionStatusTypes.Destroyed, cancellationToken))
                LogNotSent(logger, session.Id, "DESTROYED");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {Message} could not be published")]
    private static partial void LogNotSent(ILogger logger, Guid sessionId, string message);
}
