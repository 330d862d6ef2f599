using System.Text.Json;
using AtlasChannel.Testing;
using AtlasChannel.Tool.Commands;

namespace AtlasChannel.Tool.Tests;

public sealed class ContractCommandTests
{
    private static async Task<(int ExitCode, string Output)> Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await new ContractCommand().RunAsync(args, new StringReader(stdin), output, new StringWriter(), CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Roundtrip_answers_every_line_in_order_and_survives_bad_lines()
    {
        const string input = """
            {"topic":"EVENT_TOPIC_MAP_STATUS","value":{"worldId":0,"channelId":1,"mapId":100000000,"instance":"00000000-0000-0000-0000-000000000000","type":"CHARACTER_EXIT","body":{"characterId":7}}}
            not json
            {"topic":"EVENT_TOPIC_MAP_STATUS","value":{"type":"TELEPORT"}}
            {"topic":"EVENT_TOPIC_NOPE","value":{}}
            {"topic":"EVENT_TOPIC_MAP_STATUS","value":{"type":"CHARACTER_EXIT","mapId":"x"}}
            {"value":{}}
            {"topic":"COMMAND_TOPIC_CHARACTER_MOVEMENT","value":{"objectId":5,"x":-3}}
            """;

        var (exitCode, output) = await Run(input, "roundtrip");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(7, lines.Count);
        Assert.Equal("MapStatusEvent<MapCharacterBody>", lines[0].GetProperty("type").GetString());
        Assert.Equal(7, lines[0].GetProperty("value").GetProperty("body").GetProperty("characterId").GetInt32());
        Assert.Equal("00000000-0000-0000-0000-000000000000", lines[0].GetProperty("value").GetProperty("transactionId").GetString());
        Assert.StartsWith("bad line", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("UnknownType", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("UnknownTopic", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Undecodable", lines[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("bad line", lines[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("MovementCommand", lines[6].GetProperty("type").GetString());
        Assert.Equal(-3, lines[6].GetProperty("value").GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task Check_reports_every_spec_example_as_round_tripping()
    {
        var directory = SpecFiles.Path("kafka", "examples");
        var fileCount = Directory.GetFiles(directory, "*.json").Length;

        var (exitCode, output) = await Run("", "check", directory);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{fileCount}/{fileCount} messages round-trip", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_reports_the_first_differing_path_and_fails()
    {
        var directory = Directory.CreateTempSubdirectory("contract-check-");
        try
        {
            // a: an unknown key is dropped on decode (as in Go), so the re-serialisation differs at that path;
            // b: round-trips; c: a type mismatch makes it undecodable.
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "a.json"), """{"topic":"EVENT_TOPIC_GACHAPON_REWARD_WON","key":{},"headers":{},"value":{"characterId":1,"worldId":0,"itemId":2,"quantity":1,"tier":"rare","gachaponId":"g","gachaponName":"G","assetId":3,"bonus":true}}""");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "b.json"), """{"topic":"EVENT_TOPIC_GACHAPON_REWARD_WON","key":{},"headers":{},"value":{"characterId":1,"worldId":0,"itemId":2,"quantity":1,"tier":"rare","gachaponId":"g","gachaponName":"G","assetId":3}}""");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "c.json"), """{"topic":"EVENT_TOPIC_GACHAPON_REWARD_WON","key":{},"headers":{},"value":{"characterId":"one"}}""");

            var (exitCode, output) = await Run("", "check", directory.FullName);

            Assert.Equal(1, exitCode);
            Assert.Contains("FAIL  a.json  mismatch at $.bonus", output, StringComparison.Ordinal);
            Assert.Contains("ok  b.json", output, StringComparison.Ordinal);
            Assert.Contains("FAIL  c.json  Undecodable", output, StringComparison.Ordinal);
            Assert.Contains("1/3 messages round-trip", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("check")]
    [InlineData("roundtrip", "extra")]
    public async Task Bad_arguments_are_usage_errors(params string[] args) =>
        await Assert.ThrowsAsync<UsageException>(() => Run("", args));

    [Fact]
    public void Contract_command_is_in_the_catalog() =>
        Assert.IsType<ContractCommand>(CommandCatalog.Find("contract"));
}
