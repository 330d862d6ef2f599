using System.Net;

namespace AtlasChannel.IntegrationTests;

/// <summary>The embedded default: in-memory bus and sandbox peers, started by the service itself.</summary>
public sealed class EmbeddedLoginTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public Task Valid_login_gets_SetField_that_decodes_to_the_fixture_character() => LoginScenarios.ValidLoginGetsSetFieldWithTheFixtureCharacter(_harness);

    [Fact]
    public Task Character_3_is_disconnected_without_SetField() => LoginScenarios.RefusedAccountIsDisconnectedWithoutSetField(_harness);

    [Fact]
    public Task Second_login_of_an_online_character_is_refused_and_the_first_stays() => LoginScenarios.SecondLoginOfAnOnlineCharacterIsRefusedAndTheFirstStays(_harness);

    [Fact]
    public Task Garbage_and_oversize_headers_close_only_that_connection() => LoginScenarios.GarbageAndOversizeHeadersCloseOnlyThatConnection(_harness);

    [Fact]
    public Task Logout_produces_LOGOUT_and_DESTROYED() => LoginScenarios.LogoutProducesLogoutAndDestroyed(_harness);

    [Fact]
    public Task Shutdown_sends_logouts_for_live_sessions() => LoginScenarios.ShutdownSendsLogoutsForLiveSessions(_harness);

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var live = await _harness.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await _harness.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Channels_register_with_the_registry_after_start()
    {
        var registration = await _harness.Sandbox.WaitForChannelRegistrationAsync(0, 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(_harness.FirstPort + 1, registration.Port);
    }
}
