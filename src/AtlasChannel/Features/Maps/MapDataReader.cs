using System.Collections.Frozen;
using System.Globalization;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Maps;

/// <summary>What the channel uses of a DATA map document (data.md §1): the town-clock flag and where each portal stands.</summary>
public sealed record MapFacts(bool HasClock, FrozenDictionary<uint, Position> PortalPositions)
{
    /// <summary>
    /// A <c>maps</c> document: <c>clock</c> counts only as JSON <c>true</c>; an included portal with a non-decimal id or
    /// unreadable x/y is left out. Throws <see cref="JsonApiFormatException"/> for anything but a single <c>maps</c> resource.
    /// </summary>
    public static MapFacts Parse(ReadOnlySpan<byte> body)
    {
        var document = JsonApiDocument.Parse(body);
        var map = document.Single("maps");
        var hasClock = map.Attributes.TryBool("clock", out var clock) && clock;
        var portals = new Dictionary<uint, Position>();
        foreach (var portal in document.IncludedOfType("portals"))
        {
            if (ResourceId.TryUInt32(portal.Id, out var id) && portal.Attributes.TryInt16("x", out var x) && portal.Attributes.TryInt16("y", out var y))
                portals[id] = new Position(x, y);
        }

        return new MapFacts(hasClock, portals.ToFrozenDictionary());
    }
}

/// <summary>How many map documents <see cref="MapDataReader"/> keeps (all tenants together) and for how long an unused one stays.</summary>
public sealed record MapDataCacheLimits(int Capacity, TimeSpan SlidingExpiry)
{
    public static MapDataCacheLimits Default { get; } = new(2048, TimeSpan.FromMinutes(10));
}

/// <summary>
/// DATA <c>data/maps/{id}</c>, fetched and parsed once per (tenant, map) for everyone who needs it (the warp's arrival
/// portal, the town clock on entry). Map WZ data is static, so the parsed facts are kept in a bounded LRU with a
/// sliding expiry. Concurrent callers for the same key share one in-flight fetch. Nothing but a parsed document is kept:
/// a failure (transport, non-200, undecodable) is rethrown to every waiting caller and forgotten, and so is a 404
/// (an unknown map, or DATA still loading at startup), which returns <see langword="null"/>.
/// </summary>
public sealed class MapDataReader(PeerHttp http, TimeProvider clock, MapDataCacheLimits? limits = null)
{
    private readonly MapDataCacheLimits _limits = limits ?? MapDataCacheLimits.Default;
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid TenantId, uint MapId), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new(); // most recently used first

    /// <summary>Entries held now (fetched or in flight).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>The map's facts; <see langword="null"/> on 404. Throws <see cref="PeerException"/> or <see cref="JsonApiFormatException"/>.</summary>
    public Task<MapFacts?> GetAsync(Tenant tenant, uint mapId, CancellationToken cancellationToken)
    {
        var key = (tenant.Id, mapId);
        var now = clock.GetUtcNow();
        Entry entry;
        var fetch = false;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && now - node.Value.LastUsed < _limits.SlidingExpiry)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                node.Value.LastUsed = now;
                entry = node.Value;
            }
            else
            {
                if (node is not null)
                    Unlink(node);
                entry = new Entry(key, now);
                _entries[key] = _recency.AddFirst(entry);
                while (_entries.Count > _limits.Capacity)
                    Unlink(_recency.Last!);
                fetch = true;
            }
        }

        if (fetch)
            _ = FillAsync(entry, tenant);
        return entry.Facts.Task.WaitAsync(cancellationToken);
    }

    private async Task FillAsync(Entry entry, Tenant tenant)
    {
        try
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"data/maps/{entry.Key.MapId}");
            // Not a caller's token: the fetch is shared, and one caller giving up must not fail the others.
            var body = await http.GetAsync(PeerRoots.Data, path, tenant, CancellationToken.None);
            var facts = body is null ? null : MapFacts.Parse(body);
            if (facts is null)
                Forget(entry);
            entry.Facts.SetResult(facts);
        }
#pragma warning disable CA1031 // Every failure goes to the waiting callers, who judge it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Forget(entry);
            entry.Facts.SetException(ex);
        }
    }

    private void Forget(Entry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(entry.Key, out var node) && ReferenceEquals(node.Value, entry))
                Unlink(node);
        }
    }

    private void Unlink(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed class Entry((Guid TenantId, uint MapId) key, DateTimeOffset lastUsed)
    {
        public (Guid TenantId, uint MapId) Key { get; } = key;

        public DateTimeOffset LastUsed { get; set; } = lastUsed;

        public TaskCompletionSource<MapFacts?> Facts { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
