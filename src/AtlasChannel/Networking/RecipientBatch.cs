namespace AtlasChannel.Networking;

/// <summary>
/// The writers of one fan-out that share a flusher thread: the fan-out fills it and posts it with the packet as one
/// delivery, the shard thread hands each writer its reference and returns the batch to the shard's pool.
/// </summary>
internal sealed class RecipientBatch
{
    private SessionWriter[] _writers = new SessionWriter[64];

    public int Count { get; private set; }

    public SessionWriter this[int index] => _writers[index];

    public void Add(SessionWriter writer)
    {
        if (Count == _writers.Length)
            Array.Resize(ref _writers, _writers.Length * 2);
        _writers[Count++] = writer;
    }

    /// <summary>
    /// The smallest <see cref="SessionWriter.LastFlush"/> among the writers. Each read is a likely cross-core cache miss
    /// (the writers' flusher thread rewrites that field on every send), which is why it is asked only of a sleeping shard.
    /// </summary>
    public long EarliestLastFlush()
    {
        var earliest = long.MaxValue;
        for (var i = 0; i < Count; i++)
            earliest = Math.Min(earliest, _writers[i].LastFlush);
        return earliest;
    }

    /// <summary>Forgets the writers (so a pooled batch holds no session alive) and keeps the array.</summary>
    public void Clear()
    {
        Array.Clear(_writers, 0, Count);
        Count = 0;
    }
}
