namespace AtlasChannel.Sessions;

/// <summary>Where a connection is in its life (spec/protocol/session-lifecycle.md §2, §5, §8, §10).</summary>
public enum SessionPhase
{
    /// <summary>Connected, Hello sent, no character named yet.</summary>
    Anonymous,

    /// <summary>CharacterLoggedIn received, PROGRESS_STATE sent, waiting for the account service's verdict.</summary>
    AwaitingLoginApproval,

    /// <summary>Approved: account and character bound, SetField sent.</summary>
    InField,

    /// <summary>Asked to move to another channel or the cash shop; waiting for the migrate answer.</summary>
    Migrating,

    /// <summary>Destroyed; nothing more is sent or handled.</summary>
    Closed,
}
