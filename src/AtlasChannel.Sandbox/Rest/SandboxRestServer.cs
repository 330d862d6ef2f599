using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>Kestrel on loopback serving every peer root under <c>/api/</c> (one base URL for all root tokens).</summary>
internal sealed class SandboxRestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxRestServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>E.g. <c>http://127.0.0.1:8081/api/</c>; ends in <c>/</c> as root URLs must.</summary>
    public Uri BaseUrl { get; }

    public static async Task<SandboxRestServer> StartAsync(SandboxData data, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxRestServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, data.Options.HttpPort));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        // The host process owns Ctrl+C and shutdown; this embedded server must not react to them.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

        var app = builder.Build();
        var guard = new TenantHeaderGuard(data.Options.Tenant);
        app.Use(guard.InvokeAsync);
        app.UseRouting();

        var api = app.MapGroup("/api");
        ConfigurationEndpoints.Map(api, data);
        AccountEndpoints.Map(api, data);
        CharacterEndpoints.Map(api, data);
        SocialEndpoints.Map(api, data);
        CashShopEndpoints.Map(api, data);
        KeyEndpoints.Map(api, data);
        WorldEndpoints.Map(api, data);
        FieldEndpoints.Map(api, data);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new SandboxRestServer(app, new Uri($"http://127.0.0.1:{port}/api/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
