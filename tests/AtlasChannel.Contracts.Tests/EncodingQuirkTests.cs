using System.Text;
using System.Text.Json;
using AtlasChannel.Contracts.Json;

namespace AtlasChannel.Contracts.Tests;

public sealed class EncodingQuirkTests
{
    private static readonly ContractRegistry Registry = ContractRegistry.Default;

    private static DecodeResult Decode(string topic, string json) => Registry.Decode(topic, Encoding.UTF8.GetBytes(json));

    private static string Serialize(object message) => Encoding.UTF8.GetString(Registry.Serialize(message));

    private static string AssetCreated(string cashId) =>
        $$$"""{"characterId":1,"compartmentId":"1b4e28ba-2fa1-4d2b-883f-0016d3cca427","assetId":2,"templateId":1302000,"slot":5,"type":"CREATED","body":{"cashId":{{{cashId}}}}}""";

    [Theory]
    [InlineData("\"7000000001\"")]
    [InlineData("7000000001")]
    public void Asset_cash_id_accepts_string_and_number_and_writes_string(string cashId)
    {
        var message = Assert.IsType<AssetStatusEvent<AssetDataBody>>(Decode(Topics.EventAssetStatus, AssetCreated(cashId)).Message);

        Assert.Equal(7000000001L, message.Body.CashId);
        Assert.Contains("\"cashId\":\"7000000001\"", Serialize(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"7e9\"")]
    [InlineData("\"\"")]
    [InlineData("\" 1\"")]
    [InlineData("\"99999999999999999999\"")]
    [InlineData("true")]
    public void Asset_cash_id_rejects_non_integers(string cashId) =>
        Assert.Equal(DecodeStatus.Undecodable, Decode(Topics.EventAssetStatus, AssetCreated(cashId)).Status);

    [Theory]
    [InlineData("7000000001")]
    [InlineData("\"7000000001\"")]
    public void Cash_compartment_cash_id_accepts_both_and_writes_number(string cashId)
    {
        var json = $$$"""{"accountId":42,"characterId":1,"compartmentId":"9c5b94b1-35ad-49bb-b118-8e8fc24abf80","compartmentType":1,"type":"RELEASED","body":{"assetId":128,"cashId":{{{cashId}}},"templateId":5211048}}""";

        var message = Assert.IsType<CashCompartmentStatusEvent<CashCompartmentReleasedBody>>(Decode(Topics.EventCashCompartmentStatus, json).Message);

        Assert.Equal(7000000001L, message.Body.CashId);
        Assert.Contains("\"cashId\":7000000001", Serialize(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("129", false)]
    [InlineData("\"0b9d3e0e-4c8f-4b1a-9f43-2d9e8c7b6a51\"", true)]
    public void Cash_shop_purchase_asset_id_accepts_the_producers_number_and_the_declared_uuid(string assetId, bool isUuid)
    {
        // The Go channel declares a UUID and silently drops the cash shop service's uint32; we keep both forms.
        var json = $$$"""{"characterId":1,"type":"PURCHASE","body":{"templateId":5211048,"price":2400,"compartmentId":"9c5b94b1-35ad-49bb-b118-8e8fc24abf80","assetId":{{{assetId}}}}}""";

        var message = Assert.IsType<CashShopStatusEvent<CashShopPurchaseBody>>(Decode(Topics.EventCashShopStatus, json).Message);

        Assert.Equal(isUuid, message.Body.AssetId.IsUuid);
        Assert.Contains($"\"assetId\":{assetId}", Serialize(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [InlineData("3FA85F64-5717-4562-B3FC-2C963F66AFA6")]
    [InlineData("3fa85f6457174562b3fc2c963f66afa6")]
    [InlineData("{3fa85f64-5717-4562-b3fc-2c963f66afa6}")]
    [InlineData("urn:uuid:3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [InlineData("URN:UUID:3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    public void Uuid_accepts_go_forms_and_writes_lowercase_canonical(string uuid)
    {
        var json = $$$"""{"transactionId":"{{{uuid}}}","type":"COMPLETED","body":{}}""";

        var message = Assert.IsType<SagaStatusEvent<EmptyBody>>(Decode(Topics.EventSagaStatus, json).Message);

        Assert.Equal(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"), message.TransactionId);
        Assert.Equal("""{"transactionId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","type":"COMPLETED","body":{}}""", Serialize(message));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("\" 3fa85f64-5717-4562-b3fc-2c963f66afa\"")]
    [InlineData("\"3fa85f64-5717-4562-b3fc-2c963f66afaz\"")]
    [InlineData("\"(3fa85f64-5717-4562-b3fc-2c963f66afa6)\"")]
    [InlineData("42")]
    public void Invalid_uuid_rejects_the_message_like_go(string uuid) =>
        Assert.Equal(DecodeStatus.Undecodable, Decode(Topics.EventSagaStatus, $$$"""{"transactionId":{{{uuid}}},"type":"COMPLETED","body":{}}""").Status);

    [Fact]
    public void Zero_uuid_is_written_in_full() =>
        Assert.Contains("\"instance\":\"00000000-0000-0000-0000-000000000000\"", Serialize(new PortalCommand<PortalEnterBody> { Type = PortalCommandTypes.Enter }), StringComparison.Ordinal);

    [Fact]
    public void Null_slices_decode_as_empty_lists_and_reserialise_as_empty_arrays()
    {
        var json = """{"worldId":0,"channelId":1,"mapId":1,"instance":"00000000-0000-0000-0000-000000000000","actorId":1,"message":"hi","type":"BUDDY","body":{"recipients":null}}""";

        var message = Assert.IsType<ChatMessage<ChatRecipientsBody>>(Decode(Topics.EventCharacterChat, json).Message);

        Assert.Empty(message.Body.Recipients);
        Assert.Contains("\"recipients\":[]", Serialize(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_saga_steps_and_missing_lists_are_empty()
    {
        var saga = Assert.IsType<SagaCommand>(Decode(Topics.CommandSaga, """{"sagaType":"storage_operation","steps":null}""").Message);
        var stats = Assert.IsType<CharacterStatusEvent<CharacterStatChangedBody>>(Decode(Topics.EventCharacterStatus, """{"type":"STAT_CHANGED","body":{}}""").Message);

        Assert.Empty(saga.Steps);
        Assert.Empty(stats.Body.Updates);
    }

    [Fact]
    public void Keys_match_case_insensitively_and_unknown_keys_are_ignored()
    {
        var json = """{"CHARACTERID":7,"Type":"ENTERED","extra":{"deep":[1,2,3]},"body":{"NpcTemplateID":1011100,"unknown":true}}""";

        var result = Decode(Topics.EventNpcShopStatus, json);

        var message = Assert.IsType<NpcShopMessage<NpcShopTemplateBody>>(result.Message);
        Assert.Equal("ENTERED", result.Type);
        Assert.Equal(7u, message.CharacterId);
        Assert.Equal(1011100u, message.Body.NpcTemplateId);
    }

    [Fact]
    public void Type_values_are_case_sensitive_like_the_go_handlers() =>
        Assert.Equal(DecodeStatus.UnknownType, Decode(Topics.EventNpcShopStatus, """{"characterId":7,"type":"entered","body":{}}""").Status);

    [Fact]
    public void Missing_fields_take_go_zero_values()
    {
        var message = Assert.IsType<ChairStatusEvent<ChairErrorBody>>(Decode(Topics.EventChairStatus, """{"type":"ERROR"}""").Message);

        Assert.Equal(Guid.Empty, message.Instance);
        Assert.Equal("", message.ChairType);
        Assert.Equal("", message.Body.Type);
        Assert.Equal(0u, message.Body.CharacterId);
    }

    [Fact]
    public void Omitempty_fields_are_omitted_when_zero_or_empty()
    {
        Assert.Equal("""{"questId":2000}""", BodyJson(new QuestCommand<QuestStartBody> { Body = new() { QuestId = 2000, NpcId = 0, Force = false } }));
        Assert.Equal("""{"questId":2000,"npcId":5,"selection":-1}""", BodyJson(new QuestCommand<QuestCompleteBody> { Body = new() { QuestId = 2000, NpcId = 5, Selection = -1 } }));
        Assert.Equal("""{"errorCode":"GENERIC"}""", BodyJson(new StorageStatusEvent<StorageErrorBody> { Body = new() { ErrorCode = "GENERIC", Message = "" } }));
        Assert.Equal("""{"isCash":false}""", BodyJson(new AssetStatusEvent<AssetExpiredBody> { Body = new() { ReplaceMessage = "" } }));
        Assert.Equal("""{"error":"X"}""", BodyJson(new CashShopStatusEvent<CashShopErrorBody> { Body = new() { Error = "X" } }));
        Assert.Equal(
            """{"channelId":0,"exclRequestSent":false,"updates":[]}""",
            BodyJson(new CharacterStatusEvent<CharacterStatChangedBody> { Body = new() { Values = new Dictionary<string, JsonElement>() } }));
        Assert.Equal("""{"questId":1,"completedAt":"0001-01-01T00:00:00Z"}""", BodyJson(new QuestStatusEvent<QuestCompletedBody> { Body = new() { QuestId = 1, Items = [] } }));
        Assert.DoesNotContain("characterId", Serialize(new StorageCompartmentStatusEvent<StorageCompartmentReleasedBody>()), StringComparison.Ordinal);
    }

    [Fact]
    public void Go_escaping_is_used_for_strings()
    {
        var json = Serialize(new ChalkboardCommand<ChalkboardSetBody> { Body = new() { Message = "<a&b> \"q\" \\ I'm é 🍄 \n\t\u0001\u2028" } });

        Assert.Contains(@"""message"":""\u003ca\u0026b\u003e \""q\"" \\ I'm é 🍄 \n\t\u0001\u2028""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Producer_only_fields_round_trip_and_channel_only_fields_stay_absent()
    {
        // The drops service sends neither `mod` nor `equipmentId`; re-serialising must not invent them.
        var created = Decode(Topics.EventDropStatus, """{"type":"CREATED","body":{"itemId":1}}""");
        var createdJson = Serialize(created.Message!);

        Assert.DoesNotContain("\"mod\"", createdJson, StringComparison.Ordinal);
        var withMod = Assert.IsType<DropStatusEvent<DropCreatedBody>>(Decode(Topics.EventDropStatus, """{"type":"CREATED","body":{"mod":3}}""").Message);
        Assert.Equal((byte)3, withMod.Body.Mod);
    }

    [Fact]
    public void Account_status_uses_snake_case_account_id_and_status_discriminator()
    {
        var result = Decode(Topics.EventAccountStatus, """{"account_id":42,"name":"tester","status":"LOGGED_IN"}""");

        var message = Assert.IsType<AccountStatusEvent>(result.Message);
        Assert.Equal("LOGGED_IN", result.Type);
        Assert.Equal(42u, message.AccountId);
        Assert.Equal("""{"account_id":42,"name":"tester","status":"LOGGED_IN"}""", Serialize(message));
    }

    [Fact]
    public void Account_session_params_are_told_apart_by_shape()
    {
        var login = AccountSessionParams.Login(1000017);
        var channelChange = AccountSessionParams.ChannelChange("192.168.1.10", 7576);

        Assert.True(AccountSessionParams.TryReadLogin(login, out var characterId));
        Assert.Equal(1000017u, characterId);
        Assert.False(AccountSessionParams.TryReadChannelChange(login, out _, out _));
        Assert.True(AccountSessionParams.TryReadChannelChange(channelChange, out var ip, out var port));
        Assert.Equal(("192.168.1.10", (ushort)7576), (ip, port));
        Assert.False(AccountSessionParams.TryReadLogin(channelChange, out _));
        Assert.Equal(
            """{"sessionId":"00000000-0000-0000-0000-000000000000","accountId":0,"author":"CHANNEL","type":"PROGRESS_STATE","body":{"state":2,"params":{"ipAddress":"192.168.1.10","port":7576}}}""",
            Serialize(new AccountSessionCommand<AccountSessionProgressStateBody>
            {
                Author = AccountSessionCommandTypes.ChannelAuthor,
                Type = AccountSessionCommandTypes.ProgressState,
                Body = new() { State = 2, Params = channelChange },
            }));
    }

    [Fact]
    public void Distribute_sp_uses_the_misspelled_skil_id_key()
    {
        var json = Serialize(new CharacterCommand<CharacterDistributeSpBody> { Body = new() { SkillId = 1001004, Amount = 1 } });

        Assert.Contains("\"body\":{\"skilId\":1001004,\"amount\":1}", json, StringComparison.Ordinal);
    }

    private static string BodyJson(object message)
    {
        using var document = JsonDocument.Parse(Registry.Serialize(message));
        return document.RootElement.GetProperty("body").GetRawText();
    }
}
