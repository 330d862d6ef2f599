using System.Text;
using System.Text.Encodings.Web;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// String escaping as Go's <c>encoding/json</c> does it: <c>"</c>, <c>\</c>, control characters, <c>&lt;</c>,
/// <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 are escaped (<c>\u003c</c> style, lowercase hex); everything else,
/// including non-ASCII, is written raw. Receivers must not depend on it, but it makes our output byte-identical.
/// </summary>
internal sealed class GoJsonEncoder : JavaScriptEncoder
{
    public static readonly GoJsonEncoder Instance = new();

    private GoJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is < 0x20 or '"' or '\\' or '<' or '>' or '&' or 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            if (WillEncode(span[i]))
                return i;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => default,
        };

        if (escape.IsEmpty && WillEncode(unicodeScalar))
        {
            Span<char> hex = stackalloc char[6];
            "\\u".CopyTo(hex);
            ((ushort)unicodeScalar).TryFormat(hex[2..], out _, "x4", System.Globalization.CultureInfo.InvariantCulture);
            return TryCopy(hex, destination, out numberOfCharactersWritten);
        }

        if (!escape.IsEmpty)
            return TryCopy(escape, destination, out numberOfCharactersWritten);

        // Not escaped: emit the scalar itself (as one char or a surrogate pair).
        if (!Rune.TryCreate(unicodeScalar, out var rune) || !rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        return true;
    }

    private static bool TryCopy(ReadOnlySpan<char> source, Span<char> destination, out int written)
    {
        written = 0;
        if (!source.TryCopyTo(destination))
            return false;
        written = source.Length;
        return true;
    }
}
