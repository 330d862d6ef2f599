namespace AtlasChannel.Tests.Field;

internal static class Hex
{
    /// <summary>Parses spec-style hex ("D4 16 D6 16"); whitespace is ignored.</summary>
    public static byte[] Bytes(string spaced) => Convert.FromHexString(Normal(spaced));

    /// <summary><paramref name="unit"/> repeated <paramref name="count"/> times (the spec's "00×24" and "(FF C9 9A 3B)×15").</summary>
    public static string Repeat(string unit, int count) => string.Join(' ', Enumerable.Repeat(unit, count));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    public static string Normal(string spaced) => string.Concat(spaced.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
