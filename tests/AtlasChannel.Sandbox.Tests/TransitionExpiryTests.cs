using AtlasChannel.Contracts;
using AtlasChannel.Messaging;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>The account service forgets a transition after 5 s: a login that comes later is refused.</summary>
public sealed class TransitionExpiryTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private readonly SandboxHost _host = new();

    public Task InitializeAsync()
    {
        _host.Options.TimeProvider = _clock;
        return _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_login_after_the_transition_expired_is_refused()
    {
        using var stateChanged = new Probe<AccountSessionStatusEvent<AccountSessionStateChangedBody>>(_host.Bus, Topics.EventAccountSessionStatus);
        using var errors = new Probe<AccountSessionStatusEvent<AccountSessionErrorBody>>(_host.Bus, Topics.EventAccountSessionStatus);
        var (oldSession, newSession) = (Guid.NewGuid(), Guid.NewGuid());
        await SendAsync(oldSession, 2, AccountSessionParams.ChannelChange("127.0.0.1", 7575));
        await stateChanged.WaitAsync(e => e.SessionId == oldSession);

        _clock.Advance(TimeSpan.FromSeconds(6));
        await SendAsync(newSession, 1, AccountSessionParams.Login(3));

        Assert.Equal("SYSTEM_ERROR", (await errors.WaitAsync(e => e.SessionId == newSession)).Message.Body.Code);
        Assert.Equal(0, _host.Peers.AccountState(3));
    }

    private async Task SendAsync(Guid session, byte state, System.Text.Json.JsonElement parameters)
    {
        var command = new AccountSessionCommand<AccountSessionProgressStateBody>
        {
            SessionId = session,
            AccountId = 3,
            Author = AccountSessionCommandTypes.ChannelAuthor,
            Type = AccountSessionCommandTypes.ProgressState,
            Body = new AccountSessionProgressStateBody { State = state, Params = parameters },
        };
        Assert.True(await _host.Bus.PublishAsync(Topics.CommandAccountSession, MessageKeys.Create(3), command, _host.Tenant));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
