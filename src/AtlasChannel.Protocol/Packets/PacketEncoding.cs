using System.Text;

namespace AtlasChannel.Protocol.Packets;

/// <summary>
/// The text encoding of strings inside packets. JMS clients speak Shift-JIS (code page 932); the Western GMS
/// clients use their ANSI code page, Windows-1252, which is a strict superset of ASCII. (Atlas writes Shift-JIS
/// for every region; for ASCII text the bytes are identical, and for non-ASCII text 1252 is what a GMS client
/// actually renders.)
/// </summary>
public static class PacketEncoding
{
    static PacketEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        ShiftJis = Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }

    public static Encoding ShiftJis { get; }

    public static Encoding Windows1252 { get; }

    public static Encoding For(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.IsJapan ? ShiftJis : Windows1252;
    }
}
