using AtlasChannel.Tool.Commands;

namespace AtlasChannel.Tool;

internal static class Program
{
    private const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.Write(CommandCatalog.Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var command = CommandCatalog.Find(args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"unknown command '{args[0]}'\n\n{CommandCatalog.Usage}");
            return 2;
        }

        // The load tool shares the box with the server it measures: socket completions run on the epoll thread,
        // saving a thread-pool hop per receive. The runtime reads the switch once, when sockets are first used.
        if (args[0] == "load" && Environment.GetEnvironmentVariable(InlineSocketCompletions) is null)
            Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return await command.RunAsync(args.AsMemory(1), Console.In, Console.Out, Console.Error, cancel.Token);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{command.Usage}");
            return 2;
        }
    }
}
