using System.Text;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts.Tests;

public sealed class GoTimeTests
{
    [Fact]
    public void Nine_fractional_digits_are_kept_to_100_nanoseconds()
    {
        Assert.True(GoTime.TryParse("2026-02-08T17:28:09.123456789Z", out var value));

        Assert.Equal(new DateTimeOffset(2026, 2, 8, 17, 28, 9, TimeSpan.Zero).AddTicks(1234567), value);
    }

    [Theory]
    [InlineData("2026-02-08T17:28:09Z", 0)]
    [InlineData("2026-02-08T17:28:09.5Z", 5000000)]
    [InlineData("2026-02-08T17:28:09.51287341Z", 5128734)]
    [InlineData("2026-02-08T17:28:09.000000001Z", 0)]
    [InlineData("2026-02-08T17:28:09.1234567891234Z", 1234567)]
    public void Fractions_of_any_length_parse(string text, long expectedTicksIntoSecond)
    {
        Assert.True(GoTime.TryParse(text, out var value));
        Assert.Equal(expectedTicksIntoSecond, value.UtcTicks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("2026-02-08T12:28:09-05:00", -300)]
    [InlineData("2026-02-08T23:58:09+06:30", 390)]
    [InlineData("2026-02-08T17:28:09+00:00", 0)]
    public void Offsets_are_kept(string text, int offsetMinutes)
    {
        Assert.True(GoTime.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 2, 8, 17, 28, 9, TimeSpan.Zero).UtcTicks, value.UtcTicks);
    }

    [Fact]
    public void Offsets_beyond_14_hours_keep_the_instant_in_utc()
    {
        Assert.True(GoTime.TryParse("2026-02-09T09:28:09+16:00", out var value));
        Assert.Equal(new DateTimeOffset(2026, 2, 8, 17, 28, 9, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-02-08 17:28:09Z")]
    [InlineData("2026-02-08T17:28:09")]
    [InlineData("2026-02-08T17:28:09.Z")]
    [InlineData("2026-13-08T17:28:09Z")]
    [InlineData("2026-02-30T17:28:09Z")]
    [InlineData("2026-02-08T24:00:00Z")]
    [InlineData("2026-02-08T17:28:60Z")]
    [InlineData("2026-02-08T17:28:09+24:00")]
    [InlineData("2026-02-08t17:28:09z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void Invalid_times_are_rejected(string text) => Assert.False(GoTime.TryParse(text, out _));

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2026-02-08T17:28:09Z")]
    [InlineData("2026-02-08T17:28:09.5Z")]
    [InlineData("2026-02-08T17:28:09.5128734Z")]
    [InlineData("2026-02-08T12:28:09.12-05:00")]
    [InlineData("9999-12-31T23:59:59.9999999+14:00")]
    public void Formatting_is_go_rfc3339nano(string text)
    {
        Assert.True(GoTime.TryParse(text, out var value));
        Assert.Equal(text, GoTime.Format(value));
    }

    [Fact]
    public void Zero_time_is_go_zero()
    {
        Assert.Equal("0001-01-01T00:00:00Z", GoTime.Format(default));
        Assert.Equal("0001-01-01T00:00:00Z", GoTime.Format(GoTime.Zero));
    }

    [Fact]
    public void Json_null_time_decodes_as_the_zero_time_like_go()
    {
        const string json = """{"transactionId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","worldId":0,"characterId":1,"skillId":2,"type":"COOLDOWN_APPLIED","body":{"cooldownExpiresAt":null}}""";

        var result = ContractRegistry.Default.Decode(Topics.EventSkillStatus, Encoding.UTF8.GetBytes(json));

        var message = Assert.IsType<SkillStatusEvent<SkillCooldownAppliedBody>>(result.Message);
        Assert.Equal(GoTime.Zero, message.Body.CooldownExpiresAt);
    }

    [Fact]
    public void Nullable_time_keeps_null_and_writes_null()
    {
        var registry = ContractRegistry.Default;
        var message = new AssetStatusEvent<AssetDataBody> { Type = AssetStatusTypes.Created, Body = new AssetDataBody { EquippedSince = null } };

        var json = Encoding.UTF8.GetString(registry.Serialize(message));

        Assert.Contains("\"equippedSince\":null", json, StringComparison.Ordinal);
        var decoded = Assert.IsType<AssetStatusEvent<AssetDataBody>>(registry.Decode(Topics.EventAssetStatus, Encoding.UTF8.GetBytes(json)).Message);
        Assert.Null(decoded.Body.EquippedSince);
    }

    [Fact]
    public void Time_in_wrong_json_type_is_undecodable()
    {
        const string json = """{"characterId":1,"type":"CREATED","body":{"noteId":1,"senderId":2,"message":"","flag":1,"time":12345}}""";

        var result = ContractRegistry.Default.Decode(Topics.EventNoteStatus, Encoding.UTF8.GetBytes(json));

        Assert.Equal(DecodeStatus.Undecodable, result.Status);
    }
}
