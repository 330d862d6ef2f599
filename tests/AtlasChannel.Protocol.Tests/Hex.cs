namespace AtlasChannel.Protocol.Tests;

internal static class Hex
{
    /// <summary>Parses spec-style hex ("D4 16 D6 16"), spaces optional.</summary>
    public static byte[] Bytes(string spaced) => Convert.FromHexString(spaced.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    public static string Normal(string spaced) => spaced.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
