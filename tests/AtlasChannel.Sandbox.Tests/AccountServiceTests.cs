using AtlasChannel.Contracts;
using AtlasChannel.Messaging;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>
/// The account service's login gate, transitions and logout over the in-memory bus. Absence checks rely on the bus
/// keeping messages of one key in order: every command and event of an account is keyed by its id, so once a later
/// event of that account arrived, an earlier one would have arrived before it.
/// </summary>
public sealed class AccountServiceTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task Login_of_a_handed_over_account_emits_logged_in_and_state_changed_for_that_session()
    {
        using var accountStatus = new Probe<AccountStatusEvent>(host.Bus, Topics.EventAccountStatus);
        using var stateChanged = StateChangedProbe();
        var session = Guid.NewGuid();

        await ProgressStateAsync(session, accountId: 1, state: 1, AccountSessionParams.Login(1));

        var changed = await stateChanged.WaitAsync(e => e.SessionId == session);
        Assert.Equal(1u, changed.Message.AccountId);
        Assert.Equal("atlas", changed.Message.AccountName);
        Assert.Equal(1, changed.Message.Body.State);
        Assert.True(AccountSessionParams.TryReadLogin(changed.Message.Body.Params, out var characterId));
        Assert.Equal(1u, characterId);
        Assert.Equal(host.Tenant, changed.Tenant);
        Assert.Equal(MessageKeys.Create(1), changed.Key.ToArray());

        var loggedIn = await accountStatus.WaitAsync(e => e.AccountId == 1 && e.Status == AccountStatuses.LoggedIn);
        Assert.Equal("atlas", loggedIn.Message.Name);
        Assert.Equal(1, host.Peers.AccountState(1));
    }

    [Fact]
    public async Task Login_of_an_account_that_is_not_in_transition_is_refused_with_system_error()
    {
        using var errors = new Probe<AccountSessionStatusEvent<AccountSessionErrorBody>>(host.Bus, Topics.EventAccountSessionStatus);
        var session = Guid.NewGuid();

        await ProgressStateAsync(session, accountId: 3, state: 1, AccountSessionParams.Login(3));

        var error = await errors.WaitAsync(e => e.SessionId == session);
        Assert.Equal(AccountSessionStatusTypes.Error, error.Message.Type);
        Assert.Equal(3u, error.Message.AccountId);
        Assert.Equal("SYSTEM_ERROR", error.Message.Body.Code);
        Assert.Equal(MessageKeys.Create(3), error.Key.ToArray());
    }

    [Fact]
    public async Task Login_of_an_unknown_account_is_refused()
    {
        using var errors = new Probe<AccountSessionStatusEvent<AccountSessionErrorBody>>(host.Bus, Topics.EventAccountSessionStatus);
        var session = Guid.NewGuid();

        await ProgressStateAsync(session, accountId: 424242, state: 1, AccountSessionParams.Login(424242));

        Assert.Equal("SYSTEM_ERROR", (await errors.WaitAsync(e => e.SessionId == session)).Message.Body.Code);
    }

    [Fact]
    public async Task Channel_change_puts_the_old_session_in_transition_its_logout_is_kept_and_the_new_session_is_let_in()
    {
        using var accountStatus = new Probe<AccountStatusEvent>(host.Bus, Topics.EventAccountStatus);
        using var stateChanged = StateChangedProbe();
        using var errors = new Probe<AccountSessionStatusEvent<AccountSessionErrorBody>>(host.Bus, Topics.EventAccountSessionStatus);
        var (oldSession, newSession) = (Guid.NewGuid(), Guid.NewGuid());

        // Account 3 is never handed over by the login server: only the channel's own state 2 lets it in again.
        await ProgressStateAsync(oldSession, accountId: 3, state: 2, AccountSessionParams.ChannelChange("127.0.0.1", 7576));
        var migrating = await stateChanged.WaitAsync(e => e.SessionId == oldSession);
        Assert.Equal(2, migrating.Message.Body.State);
        Assert.True(AccountSessionParams.TryReadChannelChange(migrating.Message.Body.Params, out var ip, out var port));
        Assert.Equal(("127.0.0.1", (ushort)7576), (ip, port));
        Assert.Equal(2, host.Peers.AccountState(3));

        await LogoutAsync(oldSession, accountId: 3);
        await ProgressStateAsync(newSession, accountId: 3, state: 1, AccountSessionParams.Login(3));

        await stateChanged.WaitAsync(e => e.SessionId == newSession && e.Body.State == 1);
        await accountStatus.WaitAsync(e => e.AccountId == 3 && e.Status == AccountStatuses.LoggedIn);
        Assert.DoesNotContain(accountStatus.Seen, e => e.Message.AccountId == 3 && e.Message.Status == AccountStatuses.LoggedOut);
        Assert.DoesNotContain(errors.Seen, e => e.Message.SessionId == newSession);
        Assert.Equal(1, host.Peers.AccountState(3));
    }

    [Fact]
    public async Task Logout_of_a_logged_in_session_emits_logged_out()
    {
        using var accountStatus = new Probe<AccountStatusEvent>(host.Bus, Topics.EventAccountStatus);
        using var stateChanged = StateChangedProbe();
        var session = Guid.NewGuid();
        await ProgressStateAsync(session, accountId: 2000, state: 1, AccountSessionParams.Login(2000));
        await stateChanged.WaitAsync(e => e.SessionId == session);

        await LogoutAsync(session, accountId: 2000);

        var loggedOut = await accountStatus.WaitAsync(e => e.AccountId == 2000 && e.Status == AccountStatuses.LoggedOut);
        Assert.Equal("bot2000", loggedOut.Message.Name);
        Assert.Equal(MessageKeys.Create(2000), loggedOut.Key.ToArray());
        Assert.Equal(0, host.Peers.AccountState(2000));
    }

    [Fact]
    public async Task A_stale_logout_does_not_log_out_the_account_held_by_a_newer_session()
    {
        using var accountStatus = new Probe<AccountStatusEvent>(host.Bus, Topics.EventAccountStatus);
        using var stateChanged = StateChangedProbe();
        var (first, second, marker) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ProgressStateAsync(first, accountId: 2001, state: 1, AccountSessionParams.Login(2001));
        await ProgressStateAsync(second, accountId: 2001, state: 1, AccountSessionParams.Login(2001));
        await stateChanged.WaitAsync(e => e.SessionId == second);

        await LogoutAsync(first, accountId: 2001);
        await ProgressStateAsync(marker, accountId: 2001, state: 2, AccountSessionParams.ChannelChange("127.0.0.1", 7575));

        await stateChanged.WaitAsync(e => e.SessionId == marker);
        Assert.DoesNotContain(accountStatus.Seen, e => e.Message.AccountId == 2001 && e.Message.Status == AccountStatuses.LoggedOut);
    }

    [Fact]
    public async Task Hostile_commands_are_dropped_and_the_service_keeps_answering()
    {
        using var stateChanged = StateChangedProbe();
        var key = MessageKeys.Create(1001);
        host.Bus.PublishRaw(Topics.CommandAccountSession, key, "{not json"u8.ToArray(), Headers());
        host.Bus.PublishRaw(Topics.CommandAccountSession, key, """{"sessionId":"00000000-0000-0000-0000-000000000000","accountId":1001,"author":"CHANNEL","type":"PROGRESS_STATE","body":{"state":1,"params":{"characterId":1001}}}"""u8.ToArray(), Headers());
        host.Bus.PublishRaw(Topics.CommandAccountSession, key, """{"sessionId":"2b1f0c8e-0000-4000-8000-000000000001","accountId":1001,"author":"CHANNEL","type":"PROGRESS_STATE","body":{"state":7,"params":null}}"""u8.ToArray(), Headers());
        var session = Guid.NewGuid();

        await ProgressStateAsync(session, accountId: 1001, state: 1, AccountSessionParams.Login(1001));

        await stateChanged.WaitAsync(e => e.SessionId == session);
        Assert.DoesNotContain(stateChanged.Seen, e => e.Message.SessionId == Guid.Empty || e.Message.Body.State == 7);
        Assert.Equal(0, host.Bus.Stats.HandlerErrors);
    }

    private Probe<AccountSessionStatusEvent<AccountSessionStateChangedBody>> StateChangedProbe() =>
        new(host.Bus, Topics.EventAccountSessionStatus);

    private Confluent.Kafka.Headers Headers()
    {
        var headers = new Confluent.Kafka.Headers();
        TenantHeaders.Write(headers, host.Tenant);
        return headers;
    }

    private async Task ProgressStateAsync(Guid session, uint accountId, byte state, System.Text.Json.JsonElement parameters)
    {
        var command = new AccountSessionCommand<AccountSessionProgressStateBody>
        {
            SessionId = session,
            AccountId = accountId,
            Author = AccountSessionCommandTypes.ChannelAuthor,
            Type = AccountSessionCommandTypes.ProgressState,
            Body = new AccountSessionProgressStateBody { State = state, Params = parameters },
        };
        Assert.True(await host.Bus.PublishAsync(Topics.CommandAccountSession, MessageKeys.Create(accountId), command, host.Tenant));
    }

    private async Task LogoutAsync(Guid session, uint accountId)
    {
        var command = new AccountSessionCommand<EmptyBody>
        {
            SessionId = session,
            AccountId = accountId,
            Author = AccountSessionCommandTypes.ChannelAuthor,
            Type = AccountSessionCommandTypes.Logout,
        };
        Assert.True(await host.Bus.PublishAsync(Topics.CommandAccountSession, MessageKeys.Create(accountId), command, host.Tenant));
    }
}
