using AtlasChannel.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AtlasChannel.Observability;

/// <summary>
/// OpenTelemetry: traces from packet handling, messaging and HTTP (exported over OTLP when <c>JAEGER_HOST_PORT</c> is
/// set, as Atlas does) and metrics exposed for Prometheus at <c>/metrics</c>.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddChannelTelemetry(this IServiceCollection services, ChannelHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("atlas-channel", serviceInstanceId: options.ServiceId.ToString("D")))
            .WithMetrics(metrics => metrics
                .AddMeter(ChannelMetrics.MeterName, "AtlasChannel.Messaging")
                .AddPrometheusExporter())
            .WithTracing(tracing =>
            {
                tracing.AddSource("AtlasChannel.Packets", "AtlasChannel.Messaging").AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(options.TracingEndpoint))
                {
                    var endpoint = options.TracingEndpoint.Contains("://", StringComparison.Ordinal) ? options.TracingEndpoint : "http://" + options.TracingEndpoint;
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(endpoint));
                }
            });
        return services;
    }

    public static void MapChannelMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
