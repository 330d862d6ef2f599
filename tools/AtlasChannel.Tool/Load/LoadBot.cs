using AtlasChannel.Protocol.Framing;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.Tool.Load;

/// <summary>One load-test client: its connection, its field group, and the send times of its recent moves.</summary>
internal sealed class LoadBot
{
    // 25 s of moves at 5/s (later relays count as unmatched). Small on purpose: every relay reads a random mover's
    // ring, and 2,000 bots × 1,024 slots would be 24 MB, far beyond the CPU caches.
    private const int Ring = 128;
    private readonly long[] _sentAt = new long[Ring];
    private readonly int[] _sentSequence = new int[Ring];
    private long _movesSent;

    public LoadBot(int index, int characterId, int group, int port, Protocol.Packets.Position start)
    {
        Index = index;
        CharacterId = characterId;
        Group = group;
        Port = port;
        Walker = new MovementWalker(start);
        Array.Fill(_sentSequence, -1);
    }

    public int Index { get; }

    public int CharacterId { get; }

    public int Group { get; }

    /// <summary>The channel port; bots on the same port share one field (all characters start in the same map).</summary>
    public int Port { get; }

    public MovementWalker Walker { get; }

    public BotClient? Client { get; set; }

    public Task<FrameLoopResult>? Receiving { get; set; }

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

    /// <summary>Records a move's send time; called before the send, since a relay may arrive before SendAsync returns.</summary>
    public void Stamp(ushort sequence, long timestamp)
    {
        var slot = sequence % Ring;
        Volatile.Write(ref _sentAt[slot], timestamp);
        Volatile.Write(ref _sentSequence[slot], sequence);
        Interlocked.Increment(ref _movesSent);
    }

    public bool TryGetSentAt(ushort sequence, out long timestamp)
    {
        var slot = sequence % Ring;
        timestamp = Volatile.Read(ref _sentAt[slot]);
        return Volatile.Read(ref _sentSequence[slot]) == sequence;
    }
}
