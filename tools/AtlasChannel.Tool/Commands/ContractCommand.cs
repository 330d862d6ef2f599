using AtlasChannel.Contracts;

namespace AtlasChannel.Tool.Commands;

/// <summary><c>contract roundtrip</c> (machine interface) and <c>contract check &lt;dir&gt;</c> (human report).</summary>
internal sealed class ContractCommand(ContractRegistry registry) : IToolCommand
{
    public ContractCommand()
        : this(ContractRegistry.Default)
    {
    }

    public string Name => "contract";

    public string Usage => """
        contract roundtrip
            Reads JSON lines {"topic":"<token>","value":{...}} on stdin and writes, per line and in order,
            {"type":"<record type>","value":{...re-serialised...}} or {"error":"..."}.
        contract check <dir>
            Decodes and re-serialises every example file ({topic,key,headers,value}) in <dir>, reports
            ok / the first differing JSON path per file, and exits 0 only if all round-trip.
        """;

    public async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = args.Span;
        if (arguments.Length == 0)
            throw new UsageException("contract: missing subcommand");

        switch (arguments[0])
        {
            case "roundtrip" when arguments.Length == 1:
                await new ContractRoundTrip(registry).RunAsync(stdin, stdout, cancellationToken);
                return 0;
            case "check" when arguments.Length == 2:
                return await new ContractCheck(registry).RunAsync(arguments[1], stdout, cancellationToken);
            case "roundtrip" or "check":
                throw new UsageException($"contract {arguments[0]}: wrong number of arguments");
            default:
                throw new UsageException($"contract: unknown subcommand '{arguments[0]}'");
        }
    }
}
