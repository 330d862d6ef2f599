using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AtlasChannel.Messaging;

namespace AtlasChannel.Peers;

/// <summary>
/// The HTTP side of every REST peer call: root resolution, the tenant headers (decimal text versions, unlike
/// Kafka), JSON content type, and status handling as the Go client does it (200/202 ok, 404 not found, rest error).
/// Timeouts and retries come from the resilience pipeline on the named client.
/// </summary>
public sealed class PeerHttp(IHttpClientFactory clients, PeerRoots roots)
{
    public const string ClientName = "atlas-peers";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>GETs a JSON:API document; <see langword="null"/> when the peer answers 404.</summary>
    public async Task<byte[]?> GetAsync(string token, string path, Tenant? tenant, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, roots.Resolve(token, path));
        AddHeaders(request, tenant);
        using var response = await SendAsync(token, path, request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
            throw new PeerException(token, path, $"HTTP {(int)response.StatusCode}", (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>POSTs a JSON:API document. Like the Go client, the status is not judged; transport failures are.</summary>
    public async Task<int> PostAsync(string token, string path, byte[] body, Tenant? tenant, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, roots.Resolve(token, path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        };
        AddHeaders(request, tenant);
        using var response = await SendAsync(token, path, request, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>PATCHes a JSON:API document (KEYS). Like <see cref="PostAsync"/>, the status is returned, not judged.</summary>
    public async Task<int> PatchAsync(string token, string path, byte[] body, Tenant? tenant, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, roots.Resolve(token, path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        };
        AddHeaders(request, tenant);
        using var response = await SendAsync(token, path, request, cancellationToken);
        return (int)response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string path, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new PeerException(token, path, ex.Message, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PeerException(token, path, "timed out", null, ex);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new PeerException(token, path, "timed out", null, ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new PeerException(token, path, "circuit open (peer failing)", null, ex);
        }
    }

    private static void AddHeaders(HttpRequestMessage request, Tenant? tenant)
    {
        if (tenant is not { } t)
            return;
        request.Headers.TryAddWithoutValidation("TENANT_ID", t.Id.ToString("D"));
        request.Headers.TryAddWithoutValidation("REGION", t.Region);
        request.Headers.TryAddWithoutValidation("MAJOR_VERSION", t.Major.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("MINOR_VERSION", t.Minor.ToString(CultureInfo.InvariantCulture));
    }
}
