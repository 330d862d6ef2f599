using System.Globalization;

namespace AtlasChannel.Protocol;

/// <summary>How the 4-byte IV is expanded into the 16-byte AES-OFB start block.</summary>
public enum IvExpansion
{
    /// <summary>The 4 IV bytes repeated four times (every version after GMS v12).</summary>
    RepeatFourBytes,

    /// <summary>The first IV byte repeated 16 times (GMS v12 and older).</summary>
    FillWithFirstByte,
}

/// <summary>
/// A tenant's client version (region, major, minor) and the wire rules derived from it. The rules are
/// computed, not looked up, so an unlisted version gets the behaviour of its region and era.
/// </summary>
public sealed record ClientVersion
{
    public const string Japan = "JMS";
    public const string Global = "GMS";

    public ClientVersion(string region, ushort major, ushort minor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Region = region;
        Major = major;
        Minor = minor;
    }

    public string Region { get; }

    public ushort Major { get; }

    public ushort Minor { get; }

    public bool IsJapan => string.Equals(Region, Japan, StringComparison.Ordinal);

    private bool IsGlobal => string.Equals(Region, Global, StringComparison.Ordinal);

    /// <summary>1 for GMS up to v28, else 2 (little-endian).</summary>
    public int OpcodeWidth => IsGlobal && Major <= 28 ? 1 : 2;

    /// <summary>Shanda runs for every region except JMS, in both directions.</summary>
    public bool UsesShanda => !IsJapan;

    public IvExpansion IvExpansion => IsGlobal && Major <= 12 ? IvExpansion.FillWithFirstByte : IvExpansion.RepeatFourBytes;

    /// <summary>The last byte of the Hello: 3 for JMS, 8 otherwise.</summary>
    public byte Locale => IsJapan ? (byte)3 : (byte)8;

    /// <summary>Header key of packets the server sends: 0xFFFF − major (the bitwise NOT of the version).</summary>
    public ushort ServerToClientHeaderKey => (ushort)(0xFFFF - Major);

    /// <summary>Header key of packets the client sends: the major version itself.</summary>
    public ushort ClientToServerHeaderKey => Major;

    /// <summary>The patch string in the Hello: the minor version in decimal ASCII.</summary>
    public string PatchString => Minor.ToString(CultureInfo.InvariantCulture);

    /// <summary>"GMS 83.1".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Region} {Major}.{Minor}");

    /// <summary>Parses "GMS/83/1", "GMS 83.1" or "GMS:83:1".</summary>
    public static ClientVersion Parse(string text)
    {
        if (TryParse(text, out var version))
            return version;
        throw new FormatException($"'{text}' is not a client version; expected e.g. GMS/83/1");
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClientVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var parts = text.Split(['/', ' ', '.', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3
            || !ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
            return false;
        ushort minor = 1;
        if (parts.Length == 3 && !ushort.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
            return false;
        version = new ClientVersion(parts[0].ToUpperInvariant(), major, minor);
        return true;
    }
}
