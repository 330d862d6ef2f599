namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §1: rules, including versions no template lists.</summary>
public class ClientVersionTests
{
    [Theory]
    [InlineData("GMS", 12, 1, true, IvExpansion.FillWithFirstByte, 8)]
    [InlineData("GMS", 13, 1, true, IvExpansion.RepeatFourBytes, 8)]
    [InlineData("GMS", 28, 1, true, IvExpansion.RepeatFourBytes, 8)]
    [InlineData("GMS", 29, 2, true, IvExpansion.RepeatFourBytes, 8)]
    [InlineData("GMS", 83, 2, true, IvExpansion.RepeatFourBytes, 8)]
    [InlineData("GMS", 95, 2, true, IvExpansion.RepeatFourBytes, 8)]
    [InlineData("JMS", 185, 2, false, IvExpansion.RepeatFourBytes, 3)]
    [InlineData("JMS", 12, 2, false, IvExpansion.RepeatFourBytes, 3)]
    [InlineData("KMS", 20, 2, true, IvExpansion.RepeatFourBytes, 8)]
    public void Rules_follow_region_and_major(string region, ushort major, int opcodeWidth, bool shanda, IvExpansion expansion, byte locale)
    {
        var version = new ClientVersion(region, major, 1);
        Assert.Equal(opcodeWidth, version.OpcodeWidth);
        Assert.Equal(shanda, version.UsesShanda);
        Assert.Equal(expansion, version.IvExpansion);
        Assert.Equal(locale, version.Locale);
    }

    [Theory]
    [InlineData("GMS/83/1", "GMS 83.1")]
    [InlineData("gms 95.1", "GMS 95.1")]
    [InlineData("JMS:185:1", "JMS 185.1")]
    [InlineData("GMS/87", "GMS 87.1")]
    public void Parses_common_spellings(string text, string expected) =>
        Assert.Equal(expected, ClientVersion.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("GMS")]
    [InlineData("GMS/x/1")]
    [InlineData("GMS/70000/1")]
    [InlineData("GMS/83/1/2")]
    public void Rejects_bad_spellings(string text) => Assert.False(ClientVersion.TryParse(text, out _));
}
