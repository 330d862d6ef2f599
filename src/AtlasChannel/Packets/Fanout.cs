using AtlasChannel.Networking;
using AtlasChannel.Sessions;

namespace AtlasChannel.Packets;

/// <summary>
/// One packet to many sessions: encoded once into a pooled <see cref="SharedPacket"/>, then handed to each recipient,
/// whose writer encrypts it with its own IV. Recipients are grouped by flusher thread, and each group is posted as one
/// entry, which that thread spreads over its writers' queues: one cross-thread hand-off per thread instead of one per
/// recipient. Nothing is allocated per recipient.
/// </summary>
public static class Fanout
{
    /// <summary>More flusher threads than this in one fan-out: the rest are posted one recipient at a time.</summary>
    private const int MaxGroups = 16;

    [ThreadStatic]
    private static Group[]? t_groups;

    /// <summary>Sends to every in-field session of <paramref name="map"/> except <paramref name="except"/>; returns how many got it.</summary>
    public static int SendToMap<TState>(this ISessionRegistry registry, MapKey map, string writerName, TState state, PacketBody<TState> body, Session? except = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return SendTo(registry.InMap(map), writerName, state, body, except);
    }

    /// <summary>
    /// Sends to each session of <paramref name="recipients"/> (all of one tenant) except <paramref name="except"/>;
    /// returns how many open sessions it was handed to (a recipient whose queue turns out to be full is closed by its
    /// writer's thread).
    /// </summary>
    public static int SendTo<TState>(ReadOnlySpan<Session> recipients, string writerName, TState state, PacketBody<TState> body, Session? except = null)
    {
        SharedPacket? packet = null;
        var groups = t_groups ?? new Group[MaxGroups];
        t_groups = null; // a fan-out started from inside this one (a recipient's close handler) gets its own
        var groupCount = 0;
        var sent = 0;
        var handed = 0;
        foreach (var session in recipients)
        {
            if (ReferenceEquals(session, except) || session.IsClosed)
                continue;
            if (packet is null)
            {
                packet = session.Encoder.Encode(writerName, state, body);
                if (packet is null)
                {
                    t_groups = groups;
                    return 0; // the tenant has no such writer; the session logs it on direct sends
                }
                packet.AddReferences(recipients.Length); // one atomic step, not one per recipient
                if (recipients.Length > 1 && session.Server.Version.UsesShanda)
                    packet.PrecomputeShanda(); // once here instead of once in every recipient's writer
            }

            handed++; // the recipient consumes this reference whether or not it queues the packet
            if (session.Route is { } route && BatchFor(groups, ref groupCount, route.Shard) is { } batch)
            {
                batch.Add(route.Writer);
                sent++;
            }
            else if (session.EnqueueOwned(packet))
            {
                sent++;
            }
        }

        for (var i = 0; i < groupCount; i++)
        {
            groups[i].Shard.Post(groups[i].Batch, packet!);
            groups[i] = default;
        }

        t_groups = groups;

        // Back the references nobody was handed, and the encoder's own.
        packet?.Release(recipients.Length - handed + 1);
        return sent;
    }

    private static RecipientBatch? BatchFor(Group[] groups, ref int count, FlushShard shard)
    {
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(groups[i].Shard, shard))
                return groups[i].Batch;
        }

        if (count == groups.Length)
            return null;
        groups[count] = new Group(shard, shard.RentBatch());
        return groups[count++].Batch;
    }

    private readonly record struct Group(FlushShard Shard, RecipientBatch Batch);
}
