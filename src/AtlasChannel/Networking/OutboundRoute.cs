namespace AtlasChannel.Networking;

/// <summary>
/// Where a session's packets go: its writer and the writer's flusher thread. Immutable, so fan-outs on other cores can
/// read it for every recipient without touching the writer, whose own fields its flusher thread rewrites on every send
/// (reading the shard off the writer cost a cross-core cache miss per recipient).
/// </summary>
internal sealed record OutboundRoute(SessionWriter Writer, FlushShard Shard);
