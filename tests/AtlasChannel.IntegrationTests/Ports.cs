using System.Net;
using System.Net.Sockets;

namespace AtlasChannel.IntegrationTests;

internal static class Ports
{
    private static int s_next = 20000 + (Environment.ProcessId % 200 * 100);

    /// <summary><paramref name="count"/> consecutive free loopback ports.</summary>
    public static int FreeRange(int count)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var first = Interlocked.Add(ref s_next, count + 1) - count - 1;
            if (first + count > 65000)
                Interlocked.Exchange(ref s_next, 20000);
            if (Enumerable.Range(first, count).All(IsFree))
                return first;
        }

        throw new InvalidOperationException("no free port range");
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
