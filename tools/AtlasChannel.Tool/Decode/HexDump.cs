using System.Globalization;
using System.Text;

namespace AtlasChannel.Tool.Decode;

/// <summary>Classic 16-bytes-per-line dump with offsets and printable ASCII.</summary>
internal static class HexDump
{
    public static string Format(ReadOnlySpan<byte> bytes, int startOffset = 0)
    {
        var text = new StringBuilder();
        for (var line = 0; line < bytes.Length; line += 16)
        {
            var chunk = bytes.Slice(line, Math.Min(16, bytes.Length - line));
            text.Append((startOffset + line).ToString("x4", CultureInfo.InvariantCulture)).Append("  ");
            for (var i = 0; i < 16; i++)
            {
                text.Append(i < chunk.Length ? chunk[i].ToString("x2", CultureInfo.InvariantCulture) : "  ");
                text.Append(i == 7 ? "  " : " ");
            }

            text.Append(' ');
            foreach (var b in chunk)
                text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
            text.AppendLine();
        }

        return text.ToString();
    }
}
