using System.Collections.Concurrent;
using System.Net;
using AtlasChannel.Features.Characters;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Configuration;

namespace AtlasChannel.Tests.Maps;

/// <summary>Peers over a canned HTTP handler, a recording command publisher, and in-field sessions for the maps tests.</summary>
internal sealed class MapTestKit
{
    public ConcurrentDictionary<string, string> Responses { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths answered with this status and an empty body (takes precedence over <see cref="Responses"/>).</summary>
    public ConcurrentDictionary<string, HttpStatusCode> Failures { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers for one tenant (TENANT_ID header) only; take precedence over <see cref="Responses"/>.</summary>
    public ConcurrentDictionary<(Guid Tenant, string Path), string> TenantResponses { get; } = new();

    /// <summary>When set, every answer waits for it (to hold requests in flight).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public RecordingPublisher Publisher { get; } = new();

    public SessionRegistry Registry { get; } = new();

    public PeerHttp Http { get; }

    public MapTestKit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BASE_SERVICE_URL"] = "http://peers.test/api/" }).Build();
        Http = new PeerHttp(new Factory(new CannedHandler(this)), new PeerRoots(configuration));
    }

    public void Character(int id, int hp) =>
        Responses[$"/api/characters/{id}"] = $$"""{"data":{"type":"characters","id":"{{id}}","attributes":{"name":"C{{id}}","hp":{{hp}},"maxHp":500,"mapId":100000000} } }""";

    /// <summary>A logged-in session of <paramref name="characterId"/> standing in <paramref name="mapId"/>.</summary>
    public Session InField(ChannelServer server, int characterId, uint mapId = 100000000, Guid instance = default)
    {
        var session = TestSessions.Create(server);
        Registry.Add(session);
        Assert.True(session.TryBeginLogin(characterId, characterId));
        Assert.True(Registry.TryClaim(session, characterId, characterId));
        Assert.True(Registry.EnterField(session, characterId, characterId, "C" + characterId, gm: false, mapId));
        if (instance != Guid.Empty)
            Registry.ChangeMap(session, mapId, instance);
        session.Character = MapPacketTests.SpecCharacter(characterId, "C" + characterId);
        session.UpdatePosition(new Protocol.Packets.Position((short)(10 * characterId), 50), 4, 9);
        return session;
    }

    /// <summary>Everything queued for <paramref name="session"/> so far, one hex string per packet body.</summary>
    public static List<string> Drained(Session session) => [.. TestSessions.Drain(session).Select(b => Field.Hex.Of(b))];

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class CannedHandler(MapTestKit kit) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.PathAndQuery;
            kit.Requests.Enqueue(path);
            if (kit.Gate is { } gate)
                await gate.Task.WaitAsync(cancellationToken);
            if (kit.Failures.TryGetValue(path, out var status))
                return new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            var tenant = request.Headers.TryGetValues("TENANT_ID", out var ids) && Guid.TryParse(ids.FirstOrDefault(), out var id) ? id : Guid.Empty;
            return kit.TenantResponses.TryGetValue((tenant, path), out var json) || kit.Responses.TryGetValue(path, out json)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}

internal sealed class RecordingPublisher : ICommandPublisher
{
    public ConcurrentQueue<(string Topic, byte[] Key, object Message, Tenant? Tenant)> Published { get; } = new();

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
    {
        Published.Enqueue((topicToken, key.ToArray(), message, tenant));
        return Task.FromResult(true);
    }
}

internal sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => zone ?? base.LocalTimeZone;
}
