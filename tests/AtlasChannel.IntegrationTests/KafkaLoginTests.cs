namespace AtlasChannel.IntegrationTests;

/// <summary>Kafka mode: the channel and the sandbox peers talk through librdkafka's mock cluster over TCP.</summary>
public sealed class KafkaLoginTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartKafkaAsync();

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
}
