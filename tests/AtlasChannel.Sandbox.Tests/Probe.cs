using AtlasChannel.Messaging;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>Collects every <typeparamref name="T"/> on a topic and lets a test wait for one that matches.</summary>
public sealed class Probe<T> : IDisposable
    where T : class
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<ConsumedMessage<T>> _seen = [];
    private readonly List<(Func<ConsumedMessage<T>, bool> Match, TaskCompletionSource<ConsumedMessage<T>> Done)> _waiters = [];
    private readonly IDisposable _subscription;

    public Probe(IMessageSubscriber subscriber, string topicToken) =>
        _subscription = subscriber.Subscribe<T>(topicToken, (message, _) =>
        {
            lock (_gate)
            {
                _seen.Add(message);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Match(message))
                    {
                        _waiters[i].Done.TrySetResult(message);
                        _waiters.RemoveAt(i);
                    }
                }
            }

            return ValueTask.CompletedTask;
        });

    public IReadOnlyList<ConsumedMessage<T>> Seen
    {
        get
        {
            lock (_gate)
                return [.. _seen];
        }
    }

    public Task<ConsumedMessage<T>> WaitAsync(Func<T, bool> match)
    {
        var done = new TaskCompletionSource<ConsumedMessage<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var earlier = _seen.FirstOrDefault(m => match(m.Message));
            if (earlier is not null)
                return Task.FromResult(earlier);
            _waiters.Add((m => match(m.Message), done));
        }

        return done.Task.WaitAsync(Timeout);
    }

    public void Dispose() => _subscription.Dispose();
}
