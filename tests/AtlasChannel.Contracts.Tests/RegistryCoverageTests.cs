using System.Text.RegularExpressions;
using AtlasChannel.Testing;

namespace AtlasChannel.Contracts.Tests;

public sealed partial class RegistryCoverageTests
{
    private static readonly ContractRegistry Registry = ContractRegistry.Default;

    [Fact]
    public void Every_topic_of_the_master_table_is_a_constant_and_registered()
    {
        var readme = File.ReadAllText(SpecFiles.Path("kafka", "README.md"));
        var table = readme[readme.IndexOf("## 8. Master topic table", StringComparison.Ordinal)..readme.IndexOf("## 9.", StringComparison.Ordinal)];
        var specTopics = TopicRow().Matches(table).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(74, specTopics.Count);
        Assert.Equal(specTopics, Topics.All);
        Assert.All(specTopics, topic => Assert.True(Registry.IsKnownTopic(topic), topic));
        Assert.Equal(specTopics.Order(StringComparer.Ordinal), Registry.TopicTokens.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_topic_and_type_of_the_examples_is_registered()
    {
        var missing = SpecExamples.Examples
            .Where(e => Registry.Find(e.Topic, e.Type == SpecExample.Untyped ? null : e.Type) is null)
            .Select(e => $"{e.Topic} {e.Type}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Untyped_topics_are_exactly_the_specs_untyped_shapes()
    {
        var untyped = Registry.Registrations.Where(r => r.Type is null).Select(r => r.Topic).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { Topics.CommandCharacterMovement, Topics.CommandExpression, Topics.CommandMonsterMovement, Topics.CommandPetMovement, Topics.EventExpression, Topics.EventGachaponRewardWon }.Order(StringComparer.Ordinal),
            untyped);
    }

    public static IEnumerable<object[]> AllRegistrations =>
        ContractRegistry.Default.Registrations.Select(r => new object[] { r.Topic, r.Type ?? SpecExample.Untyped });

    /// <summary>Every registration round-trips a default instance: proves source-gen metadata exists for each record.</summary>
    [Theory]
    [MemberData(nameof(AllRegistrations))]
    public void Every_registration_round_trips_a_default_record(string topic, string type)
    {
        var registration = Registry.Find(topic, type == SpecExample.Untyped ? null : type)!;
        var record = Activator.CreateInstance(registration.RecordType)!;
        var json = Registry.Serialize(record);

        // A default record has an empty discriminator; put the registered one in to decode it back.
        var text = System.Text.Encoding.UTF8.GetString(json);
        if (registration.Type is not null)
            text = DiscriminatorValue().Replace(text, m => $"{m.Groups[1].Value}\"{registration.Type}\"", 1);

        var result = Registry.Decode(topic, System.Text.Encoding.UTF8.GetBytes(text));

        Assert.True(result.Status == DecodeStatus.Decoded, $"{result.Status}: {result.Error} in {text}");
        Assert.IsType(registration.RecordType, result.Message);
    }

    [Fact]
    public void Record_type_names_are_readable() =>
        Assert.Equal("AssetStatusEvent<AssetDataBody>", ContractRegistry.FormatTypeName(typeof(AssetStatusEvent<AssetDataBody>)));

    [Fact]
    public void Registry_counts_are_stable()
    {
        Assert.Equal(74, Registry.TopicTokens.Count());
        Assert.True(Registry.Registrations.Count >= SpecExamples.Examples.Select(e => (e.Topic, e.Type)).Distinct().Count());
    }

    [GeneratedRegex(@"^\| `([A-Z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TopicRow();

    [GeneratedRegex(@"(""(?:type|status|sagaType)"":)""""")]
    private static partial Regex DiscriminatorValue();
}
