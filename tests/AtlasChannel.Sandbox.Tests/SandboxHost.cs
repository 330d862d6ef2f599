using System.Net.Http.Headers;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Messaging.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>A started in-memory bus plus sandbox on a free port, and an HTTP client that sends the tenant headers.</summary>
public sealed class SandboxHost : IAsyncLifetime
{
    public SandboxOptions Options { get; } = new() { HttpPort = 0 };

    public IContractRegistry Registry { get; init; } = new SandboxContractRegistry(new ContractRegistry());

    public InMemoryMessageBus Bus { get; private set; } = null!;

    public SandboxPeers Peers { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public Tenant Tenant => Options.Tenant;

    public async Task InitializeAsync()
    {
        Bus = new InMemoryMessageBus(Registry, new MessagingOptions { ServiceId = Options.ServiceId.ToString(), ServedTenants = [Options.Tenant] });
        Peers = await SandboxPeers.StartAsync(Options, Bus, NullLoggerFactory.Instance, CancellationToken.None);
        await Bus.StartAsync(CancellationToken.None);
        Http.BaseAddress = Peers.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Peers.DisposeAsync();
        await Bus.DisposeAsync();
    }

    /// <summary>A request with the four tenant headers (decimal-text versions), as the channel sends them.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, Tenant? tenant = null)
    {
        var t = tenant ?? Tenant;
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("TENANT_ID", t.Id.ToString());
        request.Headers.Add("REGION", t.Region);
        request.Headers.Add("MAJOR_VERSION", t.Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("MINOR_VERSION", t.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = Request(HttpMethod.Get, path);
        return await Http.SendAsync(request);
    }

    public async Task<byte[]> GetOkAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        Assert.Equal(new MediaTypeHeaderValue("application/json"), response.Content.Headers.ContentType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
