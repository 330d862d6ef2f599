namespace AtlasChannel.Protocol.Opcodes;

/// <summary>The six tenant templates Atlas ships, embedded in this assembly (names like <c>template_gms_83_1.json</c>).</summary>
public static class BundledTemplates
{
    private const string Prefix = "Templates.";

    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(BundledTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)];

    public static string FileName(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return $"template_{version.Region.ToLowerInvariant()}_{version.Major}_{version.Minor}.json";
    }

    public static bool Exists(ClientVersion version) => Names.Contains(FileName(version));

    public static string ReadJson(string fileName)
    {
        using var stream = typeof(BundledTemplates).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new FileNotFoundException($"no bundled template '{fileName}'; bundled: {string.Join(", ", Names)}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static OpcodeTable Load(ClientVersion version) => OpcodeTable.Parse(ReadJson(FileName(version)));
}
