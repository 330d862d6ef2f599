namespace AtlasChannel.Sandbox.State;

/// <summary>One channel registration as the world service recorded it.</summary>
public sealed record ChannelRegistration(
    Guid Id,
    byte WorldId,
    byte ChannelId,
    string IpAddress,
    int Port,
    uint CurrentCapacity,
    uint MaxCapacity,
    DateTimeOffset RegisteredAt);

/// <summary>The world service's channel registry: the last registration per (world, channel).</summary>
internal sealed class ChannelRegistry(TimeProvider time, TimeSpan? expiry)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(byte World, byte Channel), ChannelRegistration> _registrations = [];
    private readonly List<((byte World, byte Channel) Key, TaskCompletionSource<ChannelRegistration> Waiter)> _waiters = [];

    public void Register(ChannelRegistration registration)
    {
        List<TaskCompletionSource<ChannelRegistration>> ready = [];
        lock (_gate)
        {
            var key = (registration.WorldId, registration.ChannelId);
            _registrations[key] = registration;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Key == key)
                {
                    ready.Add(_waiters[i].Waiter);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in ready)
            waiter.TrySetResult(registration);
    }

    public bool TryGet(byte worldId, byte channelId, out ChannelRegistration registration)
    {
        lock (_gate)
        {
            if (_registrations.TryGetValue((worldId, channelId), out registration!) &&
                (expiry is not { } ttl || time.GetUtcNow() - registration.RegisteredAt <= ttl))
                return true;
        }

        registration = null!;
        return false;
    }

    public IReadOnlyList<ChannelRegistration> InWorld(byte worldId)
    {
        lock (_gate)
        {
            return [.. _registrations.Values
                .Where(r => r.WorldId == worldId && (expiry is not { } ttl || time.GetUtcNow() - r.RegisteredAt <= ttl))
                .OrderBy(r => r.ChannelId)];
        }
    }

    public IReadOnlyList<ChannelRegistration> All()
    {
        lock (_gate)
            return [.. _registrations.Values.OrderBy(r => r.WorldId).ThenBy(r => r.ChannelId)];
    }

    /// <summary>Completes with the current registration, or the next one that arrives.</summary>
    public Task<ChannelRegistration> WaitForAsync(byte worldId, byte channelId, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<ChannelRegistration>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_registrations.TryGetValue((worldId, channelId), out var existing))
                return Task.FromResult(existing);
            _waiters.Add(((worldId, channelId), waiter));
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }
}
