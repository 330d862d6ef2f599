using Microsoft.Extensions.Configuration;

namespace AtlasChannel.Peers;

/// <summary>
/// REST root per peer token (spec/rest/README.md §1.1): <c>&lt;TOKEN&gt;_SERVICE_URL</c> when the variable exists (even
/// empty), else <c>BASE_SERVICE_URL</c>. The request URL is root + relative path.
/// </summary>
public sealed class PeerRoots(IConfiguration configuration)
{
    public const string Accounts = "ACCOUNTS";
    public const string Buddies = "BUDDIES";
    public const string Chairs = "CHAIRS";
    public const string Chalkboards = "CHALKBOARDS";
    public const string Channels = "CHANNELS";
    public const string Characters = "CHARACTERS";
    public const string Configurations = "CONFIGURATIONS";
    public const string Data = "DATA";
    public const string Drops = "DROPS";
    public const string Inventory = "INVENTORY";
    public const string Keys = "KEYS";
    public const string Maps = "MAPS";
    public const string Monsters = "MONSTERS";
    public const string Pets = "PETS";
    public const string Quests = "QUESTS";
    public const string Reactors = "REACTORS";
    public const string Routes = "ROUTES";
    public const string Skills = "SKILLS";

    private string? _baseOverride;

    /// <summary>The embedded default points every root at the sandbox.</summary>
    public void UseBase(string baseUrl) => _baseOverride = baseUrl;

    public Uri Resolve(string token, string relativePath)
    {
        var root = configuration.GetSection(token + "_SERVICE_URL").Value is { } specific && configuration.GetSection(token + "_SERVICE_URL").Exists()
            ? specific
            : _baseOverride ?? configuration["BASE_SERVICE_URL"] ?? string.Empty;
        if (!Uri.TryCreate(root + relativePath, UriKind.Absolute, out var uri))
            throw new PeerException(token, relativePath, $"no usable root for {token} ('{root}'): set BASE_SERVICE_URL or {token}_SERVICE_URL");
        return uri;
    }
}
