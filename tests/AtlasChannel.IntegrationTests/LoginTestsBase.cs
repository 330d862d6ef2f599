namespace AtlasChannel.IntegrationTests;

/// <summary>The login scenarios of the host issue; each transport runs all of them (see the derived classes).</summary>
public abstract class LoginTestsBase : IAsyncLifetime
{
    private protected ChannelHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    [Fact]
    public Task Valid_login_gets_SetField_that_decodes_to_the_fixture_character() => LoginScenarios.ValidLoginGetsSetFieldWithTheFixtureCharacter(Harness);

    [Fact]
    public Task Character_3_is_disconnected_without_SetField() => LoginScenarios.RefusedAccountIsDisconnectedWithoutSetField(Harness);

    [Fact]
    public Task Second_login_of_an_online_character_is_refused_and_the_first_stays() => LoginScenarios.SecondLoginOfAnOnlineCharacterIsRefusedAndTheFirstStays(Harness);

    [Fact]
    public Task Garbage_and_oversize_headers_close_only_that_connection() => LoginScenarios.GarbageAndOversizeHeadersCloseOnlyThatConnection(Harness);

    [Fact]
    public Task Logout_produces_LOGOUT_and_DESTROYED() => LoginScenarios.LogoutProducesLogoutAndDestroyed(Harness);

    [Fact]
    public Task Shutdown_sends_logouts_for_live_sessions() => LoginScenarios.ShutdownSendsLogoutsForLiveSessions(Harness);

    private protected abstract Task<ChannelHarness> StartAsync();
}
