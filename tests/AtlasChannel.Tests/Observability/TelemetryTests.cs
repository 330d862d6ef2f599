using AtlasChannel.Hosting;
using AtlasChannel.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AtlasChannel.Tests.Observability;

public class TelemetryTests
{
    [Fact]
    public void Without_an_exporter_endpoint_no_tracer_is_registered_but_metrics_are()
    {
        using var provider = Build(Config());

        Assert.Null(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void With_JAEGER_HOST_PORT_a_tracer_exporting_over_OTLP_is_registered()
    {
        using var provider = Build(Config(("JAEGER_HOST_PORT", "localhost:4317")));

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChannelTelemetry(ChannelHostOptions.From(configuration));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
