using System.Text;

namespace AtlasChannel.Tool.Commands;

/// <summary>Every command the tool knows. Add a new verb here.</summary>
internal static class CommandCatalog
{
    private static readonly IToolCommand[] Commands =
    [
        new CryptoCommand(),
        new DecodeCommand(),
        new BotCommand(),
        new ContractCommand(),
        new LoadCommand(),
    ];

    public static IToolCommand? Find(string name) =>
        Array.Find(Commands, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Usage
    {
        get
        {
            var text = new StringBuilder("usage: atlas-tool <command> [options]\n\ncommands:\n");
            foreach (var command in Commands)
                text.Append(command.Usage.TrimEnd()).Append("\n\n");
            return text.ToString();
        }
    }
}
