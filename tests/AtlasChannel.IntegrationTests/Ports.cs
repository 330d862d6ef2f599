using System.Net;
using System.Net.Sockets;

namespace AtlasChannel.IntegrationTests;

internal static class Ports
{
    private const int First = 20000;

    // Ranges stay below the kernel's ephemeral ports: a harness checks its ports long before it binds them (the Kafka
    // one waits for its consumer group first), and an outgoing connection given one of them meanwhile made the bind
    // fail with "address already in use".
    private static readonly int s_end = EphemeralFloor();
    private static int s_next = First + (Environment.ProcessId % 50 * 100);

    /// <summary><paramref name="count"/> consecutive free loopback ports.</summary>
    public static int FreeRange(int count)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var first = Interlocked.Add(ref s_next, count + 1) - count - 1;
            if (first + count > s_end)
            {
                Interlocked.Exchange(ref s_next, First);
                continue;
            }

            if (Enumerable.Range(first, count).All(IsFree))
                return first;
        }

        throw new InvalidOperationException("no free port range");
    }

    private static int EphemeralFloor()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (int.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var floor) && floor > First + 1000)
                return floor - 1;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 32767; // Linux's default floor; other systems start theirs higher
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
