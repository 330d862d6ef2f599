namespace AtlasChannel.Hosting;

/// <summary>
/// The configuration calls happen before the service container exists (the listeners depend on their answers), so they
/// use one plain client with a timeout; Atlas tries them once and exits on failure, and so do we.
/// </summary>
internal sealed class StartupHttpClientFactory(TimeSpan timeout) : IHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new() { Timeout = timeout };

    public HttpClient CreateClient(string name) => _client;

    public void Dispose() => _client.Dispose();
}
