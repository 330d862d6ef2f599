namespace AtlasChannel.Hosting;

/// <summary>What <c>/health/ready</c> reports: every channel listener bound and the message consumer assigned.</summary>
public sealed class ReadinessState
{
    private readonly TaskCompletionSource _listeners = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _consumer = Task.CompletedTask;

    public Task ListenersBound => _listeners.Task;

    public Task ConsumerAssigned => _consumer;

    public bool IsReady => _listeners.Task.IsCompletedSuccessfully && _consumer.IsCompletedSuccessfully;

    public void MarkListenersBound() => _listeners.TrySetResult();

    public void TrackConsumer(Task assigned) => _consumer = assigned;
}
