using AtlasChannel.Sessions;

namespace AtlasChannel.Packets;

/// <summary>
/// One packet to many sessions: encoded once into a pooled <see cref="SharedPacket"/>, then queued to each recipient,
/// whose writer encrypts it with its own IV. Nothing is allocated per recipient.
/// </summary>
public static class Fanout
{
    /// <summary>Sends to every in-field session of <paramref name="map"/> except <paramref name="except"/>; returns how many got it.</summary>
    public static int SendToMap<TState>(this ISessionRegistry registry, MapKey map, string writerName, TState state, PacketBody<TState> body, Session? except = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return SendTo(registry.InMap(map), writerName, state, body, except);
    }

    /// <summary>Sends to each session of <paramref name="recipients"/> (all of one tenant) except <paramref name="except"/>.</summary>
    public static int SendTo<TState>(ReadOnlySpan<Session> recipients, string writerName, TState state, PacketBody<TState> body, Session? except = null)
    {
        SharedPacket? packet = null;
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
                    return 0; // the tenant has no such writer; the session logs it on direct sends
                packet.AddReferences(recipients.Length); // one atomic step, not one per recipient
                if (recipients.Length > 1 && session.Server.Version.UsesShanda)
                    packet.PrecomputeShanda(); // once here instead of once in every recipient's writer
            }

            handed++; // the session consumes this reference whether or not it queues the packet
            if (session.EnqueueOwned(packet))
                sent++;
        }

        // Back the references nobody was handed, and the encoder's own.
        packet?.Release(recipients.Length - handed + 1);
        return sent;
    }
}
