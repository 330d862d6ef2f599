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
    public async Task Metrics_endpoint_exposes_the_channel_and_runtime_meters_for_Prometheus()
    {
        using var response = await Harness.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("atlas_channel_", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes_total", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_register_with_the_registry_after_start()
    {
        var registration = await Harness.Sandbox.WaitForChannelRegistrationAsync(0, 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Harness.FirstPort + 1, registration.Port);
    }

    private protected override Task<ChannelHarness> StartAsync() => ChannelHarness.StartEmbeddedAsync();
}
