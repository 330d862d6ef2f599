namespace AtlasChannel.Tool.Commands;

/// <summary>One top-level verb of the tool (<c>crypto</c>, <c>decode</c>, <c>bot</c>, <c>contract</c>, …).</summary>
internal interface IToolCommand
{
    string Name { get; }

    string Usage { get; }

    Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);
}

/// <summary>Thrown for bad command-line arguments; the tool prints the message and the command's usage.</summary>
internal sealed class UsageException(string message) : Exception(message);
