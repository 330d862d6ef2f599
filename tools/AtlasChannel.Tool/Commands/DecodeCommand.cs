using System.Globalization;
using System.Text;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tool.Cli;
using AtlasChannel.Tool.Crypto;
using AtlasChannel.Tool.Decode;

namespace AtlasChannel.Tool.Commands;

/// <summary><c>decode</c>: a plaintext packet body → opcode name from the template and a payload dump.</summary>
internal sealed class DecodeCommand : IToolCommand
{
    public string Name => "decode";

    public string Usage => """
          decode --version GMS/83/1 --direction s2c|c2s <body hex>
              Names the opcode via the tenant template (writer names for s2c, handler for c2s) and dumps the payload.
              [--template <file>]  use a template/tenant-configuration file instead of the bundled one
        """;

    public async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args.Span);
        var templateFile = parsed.Optional("template");
        var versionText = parsed.Optional("version");
        PacketDirection direction;
        byte[] body;
        try
        {
            direction = CryptoRequest.ParseDirection(parsed.Required("direction"));
            body = HexText.Parse(string.Concat(parsed.Positional));
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        parsed.RejectUnknown();
        var table = LoadTable(templateFile, versionText);
        await stdout.WriteAsync(Describe(table, direction, body));
        return 0;
    }

    public static string Describe(OpcodeTable table, PacketDirection direction, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(table);
        var width = table.Version.OpcodeWidth;
        if (body.Length < width)
            return $"body of {body.Length} byte(s) is too short for a {width}-byte opcode\n";
        var reader = new PacketReader(body);
        var opcode = reader.ReadOpcode(width);
        var name = direction == PacketDirection.ServerToClient ? PacketNames.ServerPacket(table, opcode) : PacketNames.ClientPacket(table, opcode);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"version   {table.Version}\n")
            .Append(CultureInfo.InvariantCulture, $"direction {(direction == PacketDirection.ServerToClient ? "server→client" : "client→server")}\n")
            .Append(CultureInfo.InvariantCulture, $"opcode    {OpcodeText.Format(opcode)} {name}\n")
            .Append(CultureInfo.InvariantCulture, $"payload   {body.Length - width} byte(s)\n");
        text.Append(HexDump.Format(body[width..], width));
        return text.ToString();
    }

    internal static OpcodeTable LoadTable(string? templateFile, string? versionText)
    {
        if (templateFile is not null)
            return OpcodeTable.Parse(File.ReadAllText(templateFile));
        if (!ClientVersion.TryParse(versionText ?? throw new UsageException("--version is required (or --template)"), out var version))
            throw new UsageException("--version: expected e.g. GMS/83/1");
        if (!BundledTemplates.Exists(version))
            throw new UsageException($"no bundled template for {version}; bundled: {string.Join(", ", BundledTemplates.Names)}");
        return BundledTemplates.Load(version);
    }
}
