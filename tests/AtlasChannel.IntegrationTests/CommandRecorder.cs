using System.Collections.Concurrent;
using AtlasChannel.Contracts;
using AtlasChannel.Features;
using AtlasChannel.Messaging;

namespace AtlasChannel.IntegrationTests;

/// <summary>Sees what the channel publishes for the account and session services, as those peers would.</summary>
internal sealed class CommandRecorder : IEventHandlers
{
    public ConcurrentQueue<AccountSessionCommand<EmptyBody>> Logouts { get; } = new();

    public ConcurrentQueue<AccountSessionCommand<AccountSessionProgressStateBody>> ProgressStates { get; } = new();

    public ConcurrentQueue<SessionStatusEvent> SessionStatuses { get; } = new();

    public void Subscribe(IMessageSubscriber subscriber)
    {
        subscriber.Subscribe<AccountSessionCommand<EmptyBody>>(Topics.CommandAccountSession, (m, _) => Record(Logouts, m.Message));
        subscriber.Subscribe<AccountSessionCommand<AccountSessionProgressStateBody>>(Topics.CommandAccountSession, (m, _) => Record(ProgressStates, m.Message));
        subscriber.Subscribe<SessionStatusEvent>(Topics.EventSessionStatus, (m, _) => Record(SessionStatuses, m.Message));
    }

    private static ValueTask Record<T>(ConcurrentQueue<T> queue, T message)
    {
        queue.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
