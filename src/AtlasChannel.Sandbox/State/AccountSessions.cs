using AtlasChannel.Sandbox.Data;

namespace AtlasChannel.Sandbox.State;

internal enum LoginDecision
{
    Accepted,
    UnknownAccount,
    NotInTransition,
}

internal enum LogoutOutcome
{
    /// <summary>The session is in transition (channel change, cash-shop exit): kept, nothing emitted.</summary>
    KeptInTransition,

    /// <summary>The account is now logged out: emit LOGGED_OUT.</summary>
    LoggedOut,

    /// <summary>Unknown account, or a stale session while another session holds the account: nothing emitted.</summary>
    Ignored,
}

/// <summary>
/// The account service's session bookkeeping for one tenant: which service session holds each account (state 1)
/// and which sessions are in transition (state 2), with the transition expiry the account service applies.
/// </summary>
internal sealed class AccountSessions(AccountCatalog accounts, TimeProvider time, TimeSpan transitionTimeout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<uint, AccountState> _states = [];

    public LoginDecision TryLogIn(uint accountId, Guid sessionId)
    {
        if (!accounts.TryGet(accountId, out _))
            return LoginDecision.UnknownAccount;
        lock (_gate)
        {
            var state = StateFor(accountId);
            var transitioning = accounts.IsHandedOver(accountId) || state.Transitions.Keys.Any(s => s != sessionId);
            if (!transitioning)
                return LoginDecision.NotInTransition;

            // Accepting drops every earlier session state of the account.
            state.Transitions.Clear();
            state.LoggedInSession = sessionId;
            return LoginDecision.Accepted;
        }
    }

    /// <summary>Records state 2 for the session. Returns false for an unknown account (the event is emitted anyway).</summary>
    public bool MarkTransition(uint accountId, Guid sessionId)
    {
        if (!accounts.TryGet(accountId, out _))
            return false;
        lock (_gate)
        {
            var state = StateFor(accountId);
            state.Transitions[sessionId] = time.GetUtcNow();
            if (state.LoggedInSession == sessionId)
                state.LoggedInSession = null;
            return true;
        }
    }

    public LogoutOutcome LogOut(uint accountId, Guid sessionId)
    {
        if (!accounts.TryGet(accountId, out _))
            return LogoutOutcome.Ignored;
        lock (_gate)
        {
            var state = StateFor(accountId);
            if (state.Transitions.ContainsKey(sessionId))
                return LogoutOutcome.KeptInTransition;
            if (state.LoggedInSession == sessionId)
            {
                state.LoggedInSession = null;
                return LogoutOutcome.LoggedOut;
            }

            // The reference emits LOGGED_OUT for a session it does not know, even when the player is online on
            // another session (session-lifecycle.md §12.1). Owning this side, the sandbox ignores such stale logouts.
            return state.LoggedInSession is null && state.Transitions.Count == 0 ? LogoutOutcome.LoggedOut : LogoutOutcome.Ignored;
        }
    }

    /// <summary>The account's <c>loggedIn</c> value: 0 not logged in, 1 logged in, 2 in transition.</summary>
    public byte StateOf(uint accountId)
    {
        lock (_gate)
        {
            if (!_states.TryGetValue(accountId, out _))
                return 0;
            var state = StateFor(accountId);
            return state.LoggedInSession is not null ? (byte)1 : state.Transitions.Count > 0 ? (byte)2 : (byte)0;
        }
    }

    public Guid? SessionOf(uint accountId)
    {
        lock (_gate)
            return _states.TryGetValue(accountId, out var state) ? state.LoggedInSession : null;
    }

    private AccountState StateFor(uint accountId)
    {
        if (!_states.TryGetValue(accountId, out var state))
            _states[accountId] = state = new AccountState();
        var oldest = time.GetUtcNow() - transitionTimeout;
        foreach (var (session, since) in state.Transitions.ToArray())
        {
            if (since < oldest)
                state.Transitions.Remove(session);
        }

        return state;
    }

    private sealed class AccountState
    {
        public Guid? LoggedInSession { get; set; }

        public Dictionary<Guid, DateTimeOffset> Transitions { get; } = [];
    }
}
