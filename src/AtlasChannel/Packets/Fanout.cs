using AtlasChannel.Sessions;

namespace AtlasChannel.Packets;

/// <summary>
/// One packet to many sessions: encoded once into a pooled <see cref="SharedPacket"/>, then queued to each recipient,
/// whose write loop encrypts it with its own IV. Nothing is allocated per recipient.
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
        try
        {
            foreach (var session in recipients)
            {
                if (ReferenceEquals(session, except) || session.IsClosed)
                    continue;
                packet ??= session.Encoder.Encode(writerName, state, body);
                if (packet is null)
                    return 0; // the tenant has no such writer; the session logs it on direct sends
                if (session.Enqueue(packet))
                    sent++;
            }

            return sent;
        }
        finally
        {
            packet?.Release();
        }
    }
}
