using System.Text.Json;
using System.Text.RegularExpressions;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts.Tests;

/// <summary>Every file in spec/kafka/examples decodes from (topic, bytes) and re-serialises to the same JSON.</summary>
public sealed partial class ExampleRoundTripTests
{
    private static readonly ContractRegistry Registry = ContractRegistry.Default;

    private static readonly JsonSerializerOptions RawUtf8 = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<object[]> Files => SpecExamples.FileNameData;

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_decodes_to_the_registered_record(string fileName)
    {
        var example = SpecExamples.Get(fileName);

        var result = Registry.Decode(example.Topic, example.ValueBytes);

        Assert.True(result.Status == DecodeStatus.Decoded, $"{result.Status}: {result.Error}");
        var registration = Registry.Find(example.Topic, result.Type);
        Assert.NotNull(registration);
        Assert.IsType(registration.RecordType, result.Message);
        Assert.Equal(example.Type == SpecExample.Untyped ? null : example.Type, result.Type);
        Assert.Equal(example.Direction, registration.Direction);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_reserialises_with_every_value_preserved(string fileName)
    {
        var example = SpecExamples.Get(fileName);
        var decoded = Registry.Decode(example.Topic, example.ValueBytes);
        Assert.Equal(DecodeStatus.Decoded, decoded.Status);

        using var reserialised = JsonDocument.Parse(Registry.Serialize(decoded.Message!));

        Assert.Null(JsonSemanticComparer.FirstDifference(example.Value, reserialised.RootElement));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Produced_example_reserialises_to_the_same_bytes(string fileName)
    {
        var example = SpecExamples.Get(fileName);
        if (example.Direction != MessageDirection.Produced)
            return; // consumed examples are the peer's field order; only our own output must match byte for byte

        var decoded = Registry.Decode(example.Topic, example.ValueBytes);
        var bytes = Registry.Serialize(decoded.Message!);

        // Go output is compact, in declaration order, with non-ASCII raw; the examples contain no <, > or &.
        var expected = JsonSerializer.Serialize(example.Value, RawUtf8);
        Assert.Equal(TruncateTimesTo100Nanoseconds(expected), System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>DateTimeOffset keeps 7 fractional digits: cut Go's up-to-9 digits to 7 and trim zeros as Go would.</summary>
    private static string TruncateTimesTo100Nanoseconds(string json) =>
        TimeFraction().Replace(json, m =>
        {
            var digits = m.Groups["digits"].Value;
            var kept = digits[..Math.Min(7, digits.Length)].TrimEnd('0');
            return (kept.Length == 0 ? "" : "." + kept) + m.Groups["zone"].Value;
        });

    [GeneratedRegex(@"(?<=T\d\d:\d\d:\d\d)\.(?<digits>\d+)(?<zone>Z|[+-]\d\d:\d\d)(?="")")]
    private static partial Regex TimeFraction();

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_key_matches_the_registered_key_form(string fileName)
    {
        var example = SpecExamples.Get(fileName);
        var registration = Registry.Find(example.Topic, example.Type == SpecExample.Untyped ? null : example.Type);
        Assert.NotNull(registration);

        var key = registration.Key.Compute(example.ValueBytes);

        if (registration.Key.Kind == MessageKeyKind.TenantIdAscii)
            Assert.Null(key); // the tenant id is a header, not part of the value
        else
            Assert.Equal(example.KeyHex, Convert.ToHexStringLower(key!));
    }
}
