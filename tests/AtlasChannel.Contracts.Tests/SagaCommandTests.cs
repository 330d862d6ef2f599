using System.Text;
using System.Text.Json;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts.Tests;

public sealed class SagaCommandTests
{
    private static readonly ContractRegistry Registry = ContractRegistry.Default;

    [Fact]
    public void Payload_type_follows_action_even_when_action_comes_after_payload()
    {
        const string json = """{"transactionId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","sagaType":"character_respawn","initiatedBy":"RESPAWN","steps":[{"payload":{"characterId":7,"worldId":0,"channelId":1,"amount":50},"ACTION":"set_hp","stepId":"set_hp","status":"pending","createdAt":"2026-02-08T17:28:09Z","updatedAt":"2026-02-08T17:28:09Z"}]}""";

        var result = Registry.Decode(Topics.CommandSaga, Encoding.UTF8.GetBytes(json));

        Assert.Equal(SagaTypes.CharacterRespawn, result.Type);
        var saga = Assert.IsType<SagaCommand>(result.Message);
        var payload = Assert.IsType<SetHpPayload>(Assert.Single(saga.Steps).Payload);
        Assert.Equal((ushort)50, payload.Amount);
        Assert.Equal(7u, payload.CharacterId);
    }

    [Fact]
    public void Unknown_action_keeps_its_payload_verbatim()
    {
        const string json = """{"sagaType":"storage_operation","steps":[{"stepId":"x","status":"pending","action":"summon_boss","payload":{"bossId":8800000,"loud":true},"createdAt":"0001-01-01T00:00:00Z","updatedAt":"0001-01-01T00:00:00Z"}]}""";

        var saga = Assert.IsType<SagaCommand>(Registry.Decode(Topics.CommandSaga, Encoding.UTF8.GetBytes(json)).Message);

        var payload = Assert.IsType<UnknownSagaPayload>(saga.Steps[0].Payload);
        Assert.Equal(8800000, payload.Raw.GetProperty("bossId").GetInt32());
        using var again = JsonDocument.Parse(Registry.Serialize(saga));
        Assert.Equal("""{"bossId":8800000,"loud":true}""", again.RootElement.GetProperty("steps")[0].GetProperty("payload").GetRawText());
    }

    [Fact]
    public void Payload_with_wrong_types_for_its_action_is_undecodable()
    {
        const string json = """{"sagaType":"storage_operation","steps":[{"action":"award_mesos","payload":{"amount":"lots"}}]}""";

        Assert.Equal(DecodeStatus.Undecodable, Registry.Decode(Topics.CommandSaga, Encoding.UTF8.GetBytes(json)).Status);
    }

    [Fact]
    public void Non_string_action_is_undecodable() =>
        Assert.Equal(DecodeStatus.Undecodable, Registry.Decode(Topics.CommandSaga, """{"sagaType":"storage_operation","steps":[{"action":3,"payload":{}}]}"""u8).Status);

    [Fact]
    public void Built_saga_serialises_in_go_field_order()
    {
        var at = new DateTimeOffset(2026, 2, 8, 17, 28, 9, TimeSpan.Zero).AddTicks(5128734);
        var id = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        var saga = new SagaCommand
        {
            TransactionId = id,
            SagaType = SagaTypes.CashShopOperation,
            InitiatedBy = SagaInitiators.CashShop,
            Steps =
            [
                new SagaStep
                {
                    StepId = SagaActions.TransferToCashShop,
                    Status = SagaStepStatuses.Pending,
                    Action = SagaActions.TransferToCashShop,
                    Payload = new TransferToCashShopPayload { TransactionId = id, CharacterId = 1, AccountId = 42, CashId = 7000000001, SourceInventoryType = 5, CompartmentType = 1 },
                    CreatedAt = at,
                    UpdatedAt = at,
                },
            ],
        };

        Assert.Equal(
            """{"transactionId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","sagaType":"cash_shop_operation","initiatedBy":"CASH_SHOP","steps":[{"stepId":"transfer_to_cash_shop","status":"pending","action":"transfer_to_cash_shop","payload":{"transactionId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","characterId":1,"accountId":42,"cashId":7000000001,"sourceInventoryType":5,"compartmentType":1},"createdAt":"2026-02-08T17:28:09.5128734Z","updatedAt":"2026-02-08T17:28:09.5128734Z"}]}""",
            Encoding.UTF8.GetString(Registry.Serialize(saga)));
    }

    [Fact]
    public void Saga_key_is_the_first_four_uuid_bytes_reversed() =>
        Assert.Equal("645fa83f00000000", Convert.ToHexStringLower(MessageKey.CreateKey(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"))));

    [Theory]
    [InlineData(1000017L, "51420f0000000000")]
    [InlineData(42L, "2a00000000000000")]
    [InlineData(0L, "0000000000000000")]
    [InlineData(-1L, "ffffffff00000000")]
    [InlineData(5000123L, "bb4b4c0000000000")]
    public void Create_key_matches_the_spec_table(long value, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower(MessageKey.CreateKey(value)));

    [Fact]
    public void Semantic_comparer_reports_the_first_differing_path()
    {
        using var expected = JsonDocument.Parse("""{"a":1,"b":{"c":[1,2,{"d":"x"}]},"t":"2026-02-08T17:28:09.51287341Z"}""");
        using var same = JsonDocument.Parse("""{"t":"2026-02-08T17:28:09.5128734Z","b":{"c":[1,2.0,{"d":"x"}]},"a":1}""");
        using var different = JsonDocument.Parse("""{"a":1,"b":{"c":[1,2,{"d":"y"}]},"t":"2026-02-08T17:28:09.51287341Z"}""");
        using var extra = JsonDocument.Parse("""{"a":1,"b":{"c":[1,2,{"d":"x"}]},"t":"2026-02-08T17:28:09.51287341Z","z":null}""");
        using var otherTime = JsonDocument.Parse("""{"a":1,"b":{"c":[1,2,{"d":"x"}]},"t":"2026-02-08T17:28:09.5128735Z"}""");

        Assert.Null(JsonSemanticComparer.FirstDifference(expected.RootElement, same.RootElement));
        Assert.Equal("$.b.c[2].d", JsonSemanticComparer.FirstDifference(expected.RootElement, different.RootElement));
        Assert.Equal("$.z", JsonSemanticComparer.FirstDifference(expected.RootElement, extra.RootElement));
        Assert.Equal("$.t", JsonSemanticComparer.FirstDifference(expected.RootElement, otherTime.RootElement));
    }
}
