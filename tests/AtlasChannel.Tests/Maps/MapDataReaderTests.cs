using System.Net;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Maps;
using AtlasChannel.Peers;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Testing;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace AtlasChannel.Tests.Maps;

/// <summary>The DATA map document: fetched once, shared, bounded, per tenant; failures and 404s are not kept.</summary>
public sealed class MapDataReaderTests
{
    private const uint Henesys = 100000000;
    private const string HenesysPath = "/api/data/maps/100000000";

    private readonly MapTestKit _kit = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 10, 13, 0, 0, TimeSpan.Zero));

    private static string Example() => File.ReadAllText(SpecFiles.Path("rest", "examples", "data.map.json"));

    private static string Map(uint id, bool clock) =>
        "{\"data\":{\"type\":\"maps\",\"id\":\"" + id + "\",\"attributes\":{\"clock\":" + (clock ? "true" : "false") + "}}}";

    private MapDataReader Reader(int capacity = 16) => new(_kit.Http, _clock, new MapDataCacheLimits(capacity, TimeSpan.FromMinutes(10)));

    private int Gets(string path) => _kit.Requests.Count(p => p == path);

    [Fact]
    public async Task The_spec_example_gives_the_clock_flag_and_every_portal_position()
    {
        _kit.Responses[HenesysPath] = Example();
        var facts = await Reader().GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        Assert.NotNull(facts);
        Assert.False(facts.HasClock);
        Assert.Equal(new Dictionary<uint, Position> { [0] = new(1835, 334), [1] = new(-1289, 214) }, facts.PortalPositions);
    }

    [Fact]
    public async Task Two_concurrent_callers_share_one_GET_and_later_callers_are_served_from_the_cache()
    {
        _kit.Responses[HenesysPath] = Example();
        _kit.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Reader();

        var first = reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        var second = reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        Assert.False(first.IsCompleted);
        _kit.Gate.SetResult();

        Assert.Same(await first, await second);
        Assert.Same(await first, await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None));
        Assert.Equal(1, Gets(HenesysPath));
    }

    [Fact]
    public async Task A_caller_giving_up_does_not_cancel_the_shared_fetch()
    {
        _kit.Responses[HenesysPath] = Example();
        _kit.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Reader();
        using var impatient = new CancellationTokenSource();

        var abandoned = reader.GetAsync(TestSessions.TenantA, Henesys, impatient.Token);
        var patient = reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        _kit.Gate.SetResult();

        Assert.Equal(new Position(-1289, 214), (await patient)!.PortalPositions[1]);
        Assert.Equal(1, Gets(HenesysPath));
    }

    [Fact]
    public async Task Each_tenant_has_its_own_entry()
    {
        _kit.TenantResponses[(TestSessions.TenantA.Id, HenesysPath)] = Map(Henesys, clock: true);
        _kit.TenantResponses[(TestSessions.TenantB.Id, HenesysPath)] = Map(Henesys, clock: false);
        var reader = Reader();

        Assert.True((await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None))!.HasClock);
        Assert.False((await reader.GetAsync(TestSessions.TenantB, Henesys, CancellationToken.None))!.HasClock);
        Assert.True((await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None))!.HasClock);
        Assert.False((await reader.GetAsync(TestSessions.TenantB, Henesys, CancellationToken.None))!.HasClock);
        Assert.Equal(2, Gets(HenesysPath));
        Assert.Equal(2, reader.Count);
    }

    [Fact]
    public async Task The_bound_evicts_the_least_recently_used_map()
    {
        foreach (var id in new uint[] { 1, 2, 3 })
            _kit.Responses[$"/api/data/maps/{id}"] = Map(id, clock: false);
        var reader = Reader(capacity: 2);

        await reader.GetAsync(TestSessions.TenantA, 1, CancellationToken.None);
        await reader.GetAsync(TestSessions.TenantA, 2, CancellationToken.None);
        await reader.GetAsync(TestSessions.TenantA, 1, CancellationToken.None); // 1 is now the most recent
        await reader.GetAsync(TestSessions.TenantA, 3, CancellationToken.None); // evicts 2
        Assert.Equal(2, reader.Count);
        await reader.GetAsync(TestSessions.TenantA, 1, CancellationToken.None);
        await reader.GetAsync(TestSessions.TenantA, 3, CancellationToken.None);
        await reader.GetAsync(TestSessions.TenantA, 2, CancellationToken.None); // fetched again, evicts 1

        Assert.Equal([1, 2, 1], new[] { Gets("/api/data/maps/1"), Gets("/api/data/maps/2"), Gets("/api/data/maps/3") });
        Assert.Equal(2, reader.Count);
    }

    [Fact]
    public async Task A_failure_is_rethrown_and_not_kept()
    {
        var reader = Reader();
        _kit.Failures[HenesysPath] = HttpStatusCode.InternalServerError;
        await Assert.ThrowsAsync<PeerException>(() => reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None));
        Assert.Equal(0, reader.Count);

        _kit.Failures.Clear();
        _kit.Responses[HenesysPath] = "<html>bad gateway</html>";
        await Assert.ThrowsAsync<JsonApiFormatException>(() => reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None));
        _kit.Responses[HenesysPath] = """{"data":{"type":"npcs","id":"1","attributes":{}}}""";
        await Assert.ThrowsAsync<JsonApiFormatException>(() => reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None));

        _kit.Responses[HenesysPath] = Map(Henesys, clock: true);
        Assert.True((await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None))!.HasClock);
        Assert.True((await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None))!.HasClock);
        Assert.Equal(4, Gets(HenesysPath));
    }

    [Fact]
    public async Task A_404_is_null_and_asked_again_next_time()
    {
        var reader = Reader();
        Assert.Null(await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None));
        Assert.Equal(0, reader.Count);
        _kit.Responses[HenesysPath] = Map(Henesys, clock: true);
        Assert.True((await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None))!.HasClock);
        Assert.Equal(2, Gets(HenesysPath));
    }

    [Fact]
    public async Task An_entry_unused_for_the_sliding_expiry_is_fetched_again()
    {
        _kit.Responses[HenesysPath] = Map(Henesys, clock: false);
        var reader = Reader();

        await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(9));
        await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None); // used again: the window restarts
        _clock.Advance(TimeSpan.FromMinutes(9));
        await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        Assert.Equal(1, Gets(HenesysPath));

        _clock.Advance(TimeSpan.FromMinutes(10));
        await reader.GetAsync(TestSessions.TenantA, Henesys, CancellationToken.None);
        Assert.Equal(2, Gets(HenesysPath));
    }

    [Fact]
    public async Task A_warp_and_the_clock_of_the_entry_share_one_GET()
    {
        _kit.Responses[HenesysPath] = Example().Replace("\"clock\": false", "\"clock\": true", StringComparison.Ordinal);
        var reader = Reader();
        var portals = new PortalDataPeer(_kit.Http, reader);
        var clock = new FieldClock(reader, new FixedClock(new DateTimeOffset(2026, 2, 10, 13, 5, 9, TimeSpan.Zero), TimeZoneInfo.Utc), Microsoft.Extensions.Logging.Abstractions.NullLogger<FieldClock>.Instance);
        var session = _kit.InField(TestSessions.Server(TestSessions.TenantA), 1);

        Assert.Equal(new Position(-1289, 214), await portals.FindPositionAsync(TestSessions.TenantA, Henesys, 1, CancellationToken.None));
        Assert.Null(await portals.FindPositionAsync(TestSessions.TenantA, Henesys, 7, CancellationToken.None));
        await clock.SendAsync(session, new FieldOfEntry(TestSessions.TenantA, 0, 0, Henesys, Guid.Empty), CancellationToken.None);

        Assert.Equal([Field.Hex.Normal("93 00 01 0D 05 09")], TestSessions.Drain(session).Select(b => Field.Hex.Of(b)));
        Assert.Equal(1, Gets(HenesysPath));
    }
}
