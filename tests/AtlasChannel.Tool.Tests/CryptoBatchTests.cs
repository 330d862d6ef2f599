using System.Text.Json;
using AtlasChannel.Tool.Commands;

namespace AtlasChannel.Tool.Tests;

/// <summary>`crypto batch` reproduces the spec vectors (handshake-and-crypto.md §11.6, §11.7) as a checker would drive it.</summary>
public class CryptoBatchTests
{
    [Theory]
    [InlineData("GMS", 83, "d416d616", "7515", "9da4e2fe")]
    [InlineData("GMS", 95, "d816da16", "7515", "9da4e2fe")]
    [InlineData("GMS", 12, "8b168916", "3524", "9da4e2fe")]
    [InlineData("JMS", 185, "3e163c16", "189c", "9da4e2fe")]
    public void Encrypts_server_packets_like_the_spec(string region, int major, string header, string body, string ivAfter)
    {
        var line = Run($$"""{"op":"encrypt","region":"{{region}}","major":{{major}},"direction":"s2c","iv":"523078e9","data":"1100"}""");
        Assert.Equal(header, line.GetProperty("header").GetString());
        Assert.Equal(body, line.GetProperty("body").GetString());
        Assert.Equal(ivAfter, line.GetProperty("ivAfter").GetString());
    }

    [Fact]
    public void Second_packet_uses_the_iv_after_the_first()
    {
        var line = Run("""{"op":"encrypt","region":"GMS","major":83,"direction":"s2c","iv":"9da4e2fe","data":"7d000102030405060708"}""");
        Assert.Equal("4e014401", line.GetProperty("header").GetString());
        Assert.Equal("7ca7cfb7a823f05568e7", line.GetProperty("body").GetString());
        Assert.Equal("4d3bb963", line.GetProperty("ivAfter").GetString());
    }

    [Theory]
    [InlineData("GMS", 83, "140001000000", "29b72fb7d8b6b53fc8b6")]
    [InlineData("GMS", 95, "140001000000", "25b723b7d8b6b53fc8b6")]
    [InlineData("GMS", 12, "0a01000000", "76b773b7072aa730e9")]
    [InlineData("JMS", 185, "140001000000", "c3b7c5b7dddea1ddcb9a")]
    public void Client_packets_encrypt_and_decrypt_like_the_spec(string region, int major, string data, string wire)
    {
        var encrypted = Run($$"""{"op":"encrypt","region":"{{region}}","major":{{major}},"direction":"c2s","iv":"46727ab7","data":"{{data}}"}""");
        Assert.Equal(wire[..8], encrypted.GetProperty("header").GetString());
        Assert.Equal(wire[8..], encrypted.GetProperty("body").GetString());

        var decrypted = Run($$"""{"op":"decrypt","region":"{{region}}","major":{{major}},"direction":"c2s","iv":"46727ab7","header":"{{wire[..8]}}","body":"{{wire[8..]}}"}""");
        Assert.Equal(data, decrypted.GetProperty("data").GetString());
        Assert.Equal("44950dc8", decrypted.GetProperty("ivAfter").GetString());
        Assert.True(decrypted.GetProperty("headerValid").GetBoolean());
        Assert.Equal(data.Length / 2, decrypted.GetProperty("length").GetInt32());
    }

    [Fact]
    public void A_header_with_the_wrong_direction_key_is_reported_invalid()
    {
        var line = Run("""{"op":"decrypt","region":"GMS","major":83,"direction":"s2c","iv":"46727ab7","header":"29b72fb7","body":"d8b6b53fc8b6"}""");
        Assert.False(line.GetProperty("headerValid").GetBoolean());
        Assert.Equal(6, line.GetProperty("length").GetInt32());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"op":"encrypt"}""")]
    [InlineData("""{"op":"encrypt","region":"GMS","major":83,"direction":"up","iv":"523078e9","data":"11"}""")]
    [InlineData("""{"op":"encrypt","region":"GMS","major":83,"direction":"s2c","iv":"5230","data":"11"}""")]
    [InlineData("""{"op":"encrypt","region":"GMS","major":83,"direction":"s2c","iv":"523078e9","data":"1"}""")]
    [InlineData("""{"op":"encrypt","region":"GMS","major":"83","direction":"s2c","iv":"523078e9","data":"11"}""")]
    [InlineData("""{"op":"decrypt","region":"GMS","major":83,"direction":"s2c","iv":"523078e9","header":"d416","body":"11"}""")]
    [InlineData("""{"op":"rot13","region":"GMS","major":83,"direction":"s2c","iv":"523078e9","data":"11"}""")]
    public void Bad_lines_yield_an_error_object(string input)
    {
        var line = Run(input);
        Assert.False(string.IsNullOrEmpty(line.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Batch_keeps_order_and_continues_after_errors()
    {
        var input = string.Join('\n',
            """{"op":"encrypt","region":"GMS","major":83,"direction":"s2c","iv":"523078e9","data":"1100"}""",
            "garbage",
            """{"op":"encrypt","region":"GMS","major":83,"direction":"s2c","iv":"4d3bb963","data":"1100"}""");
        using var stdout = new StringWriter();
        var exit = await new CryptoCommand().RunAsync(new[] { "batch" }, new StringReader(input), stdout, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"header\":\"d416d616\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"error\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"body\":\"904f\"", lines[2], StringComparison.Ordinal);
    }

    private static JsonElement Run(string line) => JsonDocument.Parse(CryptoCommand.ProcessLine(line)).RootElement.Clone();
}
