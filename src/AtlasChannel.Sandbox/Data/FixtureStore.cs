namespace AtlasChannel.Sandbox.Data;

/// <summary>The embedded fixture documents, by request path without the <c>.json</c> suffix (Fixtures/README.md).</summary>
internal sealed class FixtureStore
{
    private const string Prefix = "Fixtures/";
    private const string Suffix = ".json";

    private readonly Dictionary<string, byte[]> _documents;

    private FixtureStore(Dictionary<string, byte[]> documents) => _documents = documents;

    public IEnumerable<string> Paths => _documents.Keys;

    public static FixtureStore LoadEmbedded()
    {
        var assembly = typeof(FixtureStore).Assembly;
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            documents[name[Prefix.Length..^Suffix.Length]] = buffer.ToArray();
        }

        return new FixtureStore(documents);
    }

    public bool TryGet(string path, out byte[] document) => _documents.TryGetValue(path, out document!);
}
