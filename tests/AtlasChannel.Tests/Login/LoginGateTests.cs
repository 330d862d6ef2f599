using AtlasChannel.Contracts;
using AtlasChannel.Features.Accounts;
using AtlasChannel.Features.Login;
using AtlasChannel.Hosting;
using AtlasChannel.Messaging;
using AtlasChannel.Messaging.InMemory;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Login;

/// <summary>
/// The security gate's refusals, without any peer answering: nothing about a character reaches a client unless the
/// account service approved that very session for that very character.
/// </summary>
public sealed class LoginGateTests : IAsyncLifetime
{
    private readonly SessionRegistry _registry = new();
    private readonly InMemoryMessageBus _bus = new(ContractRegistry.Default, new MessagingOptions { ServedTenants = [TestSessions.TenantA, TestSessions.TenantB] });
    private LoginGate _gate = null!;

    /// <summary>Short for the timeout test; the others finish long before it.</summary>
    private static TimeSpan TimeoutFor(string test) => test == nameof(No_verdict_within_the_timeout_disconnects_and_sends_nothing) ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(string test)
    {
        // No peer is reachable: any REST call would fail, so a test that got past the gate would show it.
        var roots = new PeerRoots(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("BASE_SERVICE_URL", (string?)"http://127.0.0.1:9/api/")]).Build());
        var http = new PeerHttp(new NoClients(), roots);
        _gate = new LoginGate(
            _registry,
            new CharacterPeer(http),
            new AccountLoginRegistry(),
            new LoginCommands(_bus),
            new ChannelHostOptions { LoginApprovalTimeout = TimeoutFor(test) },
            TimeProvider.System,
            NullLogger<LoginGate>.Instance);
        _gate.Subscribe(_bus);
        await _bus.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_gate is null)
            return;
        await _bus.StopAsync(CancellationToken.None);
        await _bus.DisposeAsync();
    }

    [Fact]
    public async Task No_verdict_within_the_timeout_disconnects_and_sends_nothing()
    {
        await StartAsync(nameof(No_verdict_within_the_timeout_disconnects_and_sends_nothing));
        var session = PendingLogin(TestSessions.TenantA, characterId: 1, accountId: 1);
        _gate.Await(session);
        await WhenClosed(session);
        Assert.Contains("no login verdict", session.CloseReason, StringComparison.Ordinal);
        Assert.Empty(TestSessions.Drain(session));
    }

    [Fact]
    public async Task An_error_verdict_disconnects_and_sends_nothing()
    {
        await StartAsync(nameof(An_error_verdict_disconnects_and_sends_nothing));
        var session = PendingLogin(TestSessions.TenantA, characterId: 3, accountId: 3);
        await _bus.PublishAsync(Topics.EventAccountSessionStatus, MessageKeys.Create(3), new AccountSessionStatusEvent<AccountSessionErrorBody>
        {
            SessionId = session.Id,
            AccountId = 3,
            Type = AccountSessionStatusTypes.Error,
            Body = new AccountSessionErrorBody { Code = "SYSTEM_ERROR" },
        }, TestSessions.TenantA);
        await WhenClosed(session);
        Assert.Contains("SYSTEM_ERROR", session.CloseReason, StringComparison.Ordinal);
        Assert.Empty(TestSessions.Drain(session));
    }

    [Fact]
    public async Task An_approval_for_another_character_or_tenant_does_not_open_the_gate()
    {
        await StartAsync(nameof(An_approval_for_another_character_or_tenant_does_not_open_the_gate));
        var session = PendingLogin(TestSessions.TenantA, characterId: 1, accountId: 1);
        _gate.Await(session);

        // Approval for the right session but a different character than the client asked for…
        await _bus.PublishAsync(Topics.EventAccountSessionStatus, MessageKeys.Create(1), Approval(session.Id, accountId: 1, characterId: 2), TestSessions.TenantA);
        // …and for the right character but from another tenant.
        await _bus.PublishAsync(Topics.EventAccountSessionStatus, MessageKeys.Create(1), Approval(session.Id, accountId: 1, characterId: 1), TestSessions.TenantB);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_bus.Stats.Dispatched < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        Assert.Equal(2, _bus.Stats.Dispatched);
        Assert.Equal(SessionPhase.AwaitingLoginApproval, session.Phase);
        Assert.Equal(0, session.CharacterId);
        Assert.Empty(TestSessions.Drain(session));
        session.Close("test over");
    }

    private Session PendingLogin(Messaging.Tenant tenant, int characterId, int accountId)
    {
        var session = TestSessions.Create(TestSessions.Server(tenant));
        _registry.Add(session);
        Assert.True(session.TryBeginLogin(characterId, accountId));
        Assert.True(_registry.TryClaim(session, accountId, characterId));
        return session;
    }

    private static AccountSessionStatusEvent<AccountSessionStateChangedBody> Approval(Guid sessionId, uint accountId, uint characterId) => new()
    {
        SessionId = sessionId,
        AccountId = accountId,
        Type = AccountSessionStatusTypes.StateChanged,
        Body = new AccountSessionStateChangedBody { State = 1, Params = AccountSessionParams.Login(characterId) },
    };

    private static Task WhenClosed(Session session)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Closed.Register(() => closed.TrySetResult());
        return closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no REST call is expected behind a closed gate");
    }
}
