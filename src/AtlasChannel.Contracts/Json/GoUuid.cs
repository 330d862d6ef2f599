namespace AtlasChannel.Contracts.Json;

/// <summary>Go <c>github.com/google/uuid</c> text forms: canonical, 32 hex digits, <c>{…}</c> and <c>urn:uuid:</c>.</summary>
public static class GoUuid
{
    private const string UrnPrefix = "urn:uuid:";

    public static bool TryParse(ReadOnlySpan<char> text, out Guid value)
    {
        // Lengths are checked first so that Guid's own tolerance for surrounding white space never applies.
        switch (text.Length)
        {
            case 36:
                return Guid.TryParseExact(text, "D", out value);
            case 32:
                return Guid.TryParseExact(text, "N", out value);
            case 38:
                return Guid.TryParseExact(text, "B", out value);
            case 45 when text[..UrnPrefix.Length].Equals(UrnPrefix, StringComparison.OrdinalIgnoreCase):
                return Guid.TryParseExact(text[UrnPrefix.Length..], "D", out value);
            default:
                value = Guid.Empty;
                return false;
        }
    }

    /// <summary>Lowercase canonical <c>8-4-4-4-12</c> form.</summary>
    public static string Format(Guid value) => value.ToString("D");
}
