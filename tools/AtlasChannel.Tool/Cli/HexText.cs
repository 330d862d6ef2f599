namespace AtlasChannel.Tool.Cli;

/// <summary>Hex in the tool's interfaces: lowercase out; in, spaces/colons/dashes and a 0x prefix are tolerated.</summary>
internal static class HexText
{
    public static byte[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = text.Trim();
        if (cleaned.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            cleaned = cleaned[2..];
        cleaned = cleaned.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace(":", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal);
        if (cleaned.Length % 2 != 0)
            throw new FormatException($"hex has an odd number of digits ({cleaned.Length})");
        try
        {
            return Convert.FromHexString(cleaned);
        }
        catch (FormatException)
        {
            throw new FormatException("not hex: " + (text.Length > 40 ? text[..40] + "…" : text));
        }
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
