using AtlasChannel.Protocol.Framing;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.Tool.Load;

/// <summary>One load-test client: its connection, its field group, its walk and how many moves it sent.</summary>
internal sealed class LoadBot
{
    private long _movesSent;

    public LoadBot(int index, int characterId, int group, int port, Protocol.Packets.Position start)
    {
        Index = index;
        CharacterId = characterId;
        Group = group;
        Port = port;
        Walker = new MovementWalker(start);
    }

    public int Index { get; }

    public int CharacterId { get; }

    public int Group { get; }

    /// <summary>The channel port; bots on the same port share one field (all characters start in the same map).</summary>
    public int Port { get; }

    public MovementWalker Walker { get; }

    public BotClient? Client { get; set; }

    public Task<FrameLoopResult>? Receiving { get; set; }

    /// <summary>The connection when the run uses <see cref="LoadTransport.Epoll"/>.</summary>
    public Epoll.LoadConnection? Connection { get; set; }

    public TaskCompletionSource InField { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsInField => InField.Task.IsCompletedSuccessfully;

    private volatile bool _stopping;

    public bool Stopping
    {
        get => _stopping;
        set => _stopping = value;
    }

    public ushort NextSequence { get; set; }

    public long MovesSent => Interlocked.Read(ref _movesSent);

    /// <summary>Counts a move (its send time goes to <see cref="SendTimes"/>).</summary>
    public void MoveSent() => Interlocked.Increment(ref _movesSent);
}
