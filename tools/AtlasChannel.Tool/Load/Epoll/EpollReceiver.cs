namespace AtlasChannel.Tool.Load.Epoll;

/// <summary>
/// The load tool's receive engine: a few threads, each waiting on its own epoll set and reading every ready
/// connection once per readiness. A connection that ends leaves its set and is reported once.
/// </summary>
internal sealed class EpollReceiver : IDisposable
{
    private const int WaitMs = 50;

    private readonly LoadConnection?[] _connections;
    private readonly EpollSet[] _sets;
    private readonly Thread[] _threads;
    private readonly ReceivedPacket _onPacket;
    private readonly Action<LoadConnection> _onEnded;
    private volatile bool _stopping;

    public EpollReceiver(int threads, int capacity, ReceivedPacket onPacket, Action<LoadConnection> onEnded)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _connections = new LoadConnection?[capacity];
        _onPacket = onPacket;
        _onEnded = onEnded;
        _sets = new EpollSet[threads];
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _sets[i] = new EpollSet();
            var set = _sets[i];
            _threads[i] = new Thread(() => Run(set)) { IsBackground = true, Name = $"load-receive-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>Starts reading <paramref name="connection"/> (tokens are distinct indexes below the capacity).</summary>
    public void Add(LoadConnection connection)
    {
        Volatile.Write(ref _connections[connection.Token], connection);
        _sets[connection.Token % _sets.Length].Add(connection.Fd, connection.Token);
    }

    /// <summary>Stops the threads after their current batch; connections are left open for the caller to close.</summary>
    public void Stop()
    {
        _stopping = true;
        foreach (var thread in _threads)
            thread.Join();
    }

    public void Dispose()
    {
        if (!_stopping)
            Stop();
        foreach (var set in _sets)
            set.Dispose();
    }

    private void Run(EpollSet set)
    {
        while (!_stopping)
        {
            var ready = set.Wait(WaitMs);
            for (var i = 0; i < ready; i++)
            {
                var token = set.TokenAt(i);
                if ((uint)token >= (uint)_connections.Length || Volatile.Read(ref _connections[token]) is not { } connection)
                    continue;
                if (connection.Receive(_onPacket))
                    continue;
                set.Remove(connection.Fd);
                _connections[token] = null;
                _onEnded(connection);
            }
        }
    }
}
