using System.Text;

namespace AtlasChannel.Contracts.Tests;

/// <summary>Decode reports Undecodable / UnknownType / UnknownTopic and never throws.</summary>
public sealed class HostileInputTests
{
    private static readonly ContractRegistry Registry = ContractRegistry.Default;

    public static IEnumerable<object[]> HostileValues()
    {
        string[] values =
        [
            "",
            " ",
            "{",
            "}",
            "[]",
            "null",
            "123",
            "\"text\"",
            "{\"type\":5}",
            "{\"type\":{\"nested\":true}}",
            "{\"type\":\"DAMAGED\"} trailing",
            "{\"type\":\"DAMAGED\",}",
            "{\"type\":\"DAMAGED\" /* comment */}",
            "{\"type\":\"DAMAGED\",\"worldId\":256}",
            "{\"type\":\"DAMAGED\",\"worldId\":-1}",
            "{\"type\":\"DAMAGED\",\"worldId\":1.5}",
            "{\"type\":\"DAMAGED\",\"uniqueId\":99999999999999999999999999999999999999}",
            "{\"type\":\"DAMAGED\",\"uniqueId\":1e400}",
            "{\"type\":\"DAMAGED\",\"uniqueId\":\"12\"}",
            "{\"type\":\"DAMAGED\",\"worldId\":true}",
            "{\"type\":\"DAMAGED\",\"body\":[]}",
            "{\"type\":\"DAMAGED\",\"body\":{\"damageEntries\":{}}}",
            "{\"type\":\"DAMAGED\",\"body\":{\"damageEntries\":[{\"damage\":\"lots\"}]}}",
            "{\"type\":\"DAMAGED\",\"instance\":\"not-a-uuid\"}",
            new string('[', 100_000),
            "{\"type\":\"DAMAGED\",\"body\":" + new string('[', 5_000) + new string(']', 5_000) + "}",
            "{\"type\":\"DAMAGED\",\"mapId\":\"" + new string('a', 1_000_000) + "\"}",
        ];
        return values.Select(v => new object[] { v });
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Hostile_values_are_rejected_without_throwing(string value)
    {
        var result = Registry.Decode(Topics.EventMonsterStatus, Encoding.UTF8.GetBytes(value));

        Assert.NotEqual(DecodeStatus.Decoded, result.Status);
        Assert.Null(result.Message);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Invalid_utf8_is_undecodable()
    {
        byte[] value = [.. "{\"type\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal(DecodeStatus.Undecodable, Registry.Decode(Topics.EventMonsterStatus, value).Status);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Hostile_values_on_every_topic_give_a_consistent_result_without_throwing(string value)
    {
        // Unknown keys are ignored (as in Go), so some of these legitimately decode on other topics.
        foreach (var topic in Registry.TopicTokens)
        {
            var result = Registry.Decode(topic, Encoding.UTF8.GetBytes(value));
            Assert.Equal(result.Status == DecodeStatus.Decoded, result.Message is not null);
            Assert.Equal(result.Status != DecodeStatus.Decoded, result.Error is not null);
        }
    }

    [Fact]
    public void Unknown_type_is_reported_with_the_type()
    {
        var result = Registry.Decode(Topics.EventMonsterStatus, """{"type":"TELEPORTED","body":{}}"""u8);

        Assert.Equal(DecodeStatus.UnknownType, result.Status);
        Assert.Equal("TELEPORTED", result.Type);
    }

    [Fact]
    public void Missing_type_is_an_unknown_type()
    {
        var result = Registry.Decode(Topics.EventMonsterStatus, """{"worldId":0,"body":{}}"""u8);

        Assert.Equal(DecodeStatus.UnknownType, result.Status);
        Assert.Null(result.Type);
    }

    [Fact]
    public void Unknown_topic_is_reported()
    {
        Assert.Equal(DecodeStatus.UnknownTopic, Registry.Decode("EVENT_TOPIC_NOPE", "{}"u8).Status);
        Assert.False(Registry.IsKnownTopic("EVENT_TOPIC_NOPE"));
    }

    [Fact]
    public void Last_discriminator_wins_and_matches_case_insensitively_like_go()
    {
        var result = Registry.Decode(Topics.EventMonsterStatus, """{"type":"CREATED","TYPE":"KILLED","body":{}}"""u8);

        Assert.Equal("KILLED", result.Type);
        Assert.IsType<MonsterStatusEvent<MonsterDamagedBody>>(result.Message);
    }

    [Fact]
    public void Type_mismatch_deep_in_a_body_reports_the_type_it_read()
    {
        var result = Registry.Decode(Topics.EventMonsterStatus, """{"type":"KILLED","body":{"damageEntries":[{"characterId":-5}]}}"""u8);

        Assert.Equal(DecodeStatus.Undecodable, result.Status);
        Assert.Equal("KILLED", result.Type);
    }

    [Fact]
    public void Missing_params_serialise_as_null()
    {
        var result = Registry.Decode(Topics.EventAccountSessionStatus, """{"type":"STATE_CHANGED","body":{"state":1}}"""u8);

        Assert.Contains("\"params\":null", Encoding.UTF8.GetString(Registry.Serialize(result.Message!)), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialising_an_unregistered_type_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => Registry.Serialize(new object()));
}
