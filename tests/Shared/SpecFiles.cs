namespace AtlasChannel.Testing;

/// <summary>Locates the vendored copy of the shared spec (<c>spec/</c> at the repository root).</summary>
internal static class SpecFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "spec");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "kafka")) && File.Exists(System.IO.Path.Combine(dir.FullName, "AtlasChannel.sln")))
                return candidate;
        }

        throw new DirectoryNotFoundException("spec/ not found above " + AppContext.BaseDirectory);
    }
}
