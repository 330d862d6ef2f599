namespace AtlasChannel;

internal static class Program
{
    public static int Main()
    {
        Console.Error.WriteLine("AtlasChannel: the service host is not built yet (see README).");
        return 1;
    }
}
