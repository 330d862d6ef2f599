using System.Net;

namespace AtlasChannel.IntegrationTests;

/// <summary>The embedded default: in-memory bus and sandbox peers, started by the service itself.</summary>
public sealed class EmbeddedLoginTests : LoginTestsBase
{
    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var live = await Harness.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await Harness.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Channels_register_with_the_registry_after_start()
    {
        var registration = await Harness.Sandbox.WaitForChannelRegistrationAsync(0, 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Harness.FirstPort + 1, registration.Port);
    }

    private protected override Task<ChannelHarness> StartAsync() => ChannelHarness.StartEmbeddedAsync();
}
