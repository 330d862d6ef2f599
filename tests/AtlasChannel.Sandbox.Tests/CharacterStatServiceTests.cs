using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>The sandbox character service keeps what a stat command changed, and the character endpoint serves it.</summary>
public sealed class CharacterStatServiceTests : IAsyncLifetime
{
    private readonly SandboxHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Distributed_ap_moves_into_the_stat_and_is_served_afterwards()
    {
        var before = await AttributesAsync(2); // Bravo has 5 AP
        using var status = new Probe<CharacterStatusEvent<CharacterStatChangedBody>>(_host.Bus, Topics.EventCharacterStatus);

        await DistributeAsync(2, ("STRENGTH", 2), ("HP", 1));

        var changed = await status.WaitAsync(e => e.CharacterId == 2 && e.Type == CharacterStatusTypes.StatChanged);
        Assert.Equal(["STRENGTH", "MAX_HP", "AVAILABLE_AP"], changed.Message.Body.Updates);
        var after = await AttributesAsync(2);
        Assert.Equal(before["strength"] + 2, after["strength"]);
        Assert.Equal(before["maxHp"] + 20, after["maxHp"]);
        Assert.Equal(before["ap"] - 3, after["ap"]);
    }

    [Fact]
    public async Task Ap_beyond_what_the_character_has_is_refused_with_an_empty_update()
    {
        var before = await AttributesAsync(1); // Atlas has 0 AP
        using var status = new Probe<CharacterStatusEvent<CharacterStatChangedBody>>(_host.Bus, Topics.EventCharacterStatus);

        await DistributeAsync(1, ("LUCK", 1));

        var changed = await status.WaitAsync(e => e.CharacterId == 1);
        Assert.Empty(changed.Message.Body.Updates);
        Assert.Equal(before["luck"], (await AttributesAsync(1))["luck"]);
    }

    [Fact]
    public async Task Dropped_meso_leaves_the_purse_and_more_than_owned_is_refused()
    {
        var before = (await AttributesAsync(1))["meso"];
        using var meso = new Probe<CharacterStatusEvent<CharacterMesoChangedBody>>(_host.Bus, Topics.EventCharacterStatus);
        using var status = new Probe<CharacterStatusEvent<CharacterStatChangedBody>>(_host.Bus, Topics.EventCharacterStatus);

        await DropMesoAsync(1, 1000);
        Assert.Equal(-1000, (await meso.WaitAsync(e => e.CharacterId == 1)).Message.Body.Amount);
        Assert.Equal(["MESO"], (await status.WaitAsync(e => e.CharacterId == 1)).Message.Body.Updates);
        Assert.Equal(before - 1000, (await AttributesAsync(1))["meso"]);

        await DropMesoAsync(1, (uint)before); // 1000 short now
        await status.WaitAsync(e => e.CharacterId == 1 && e.Body.Updates.Count == 0);
        Assert.Single(meso.Seen);
        Assert.Equal(before - 1000, (await AttributesAsync(1))["meso"]);
    }

    [Fact]
    public async Task Hp_changes_are_clamped_to_the_maximum()
    {
        var before = await AttributesAsync(1);
        using var status = new Probe<CharacterStatusEvent<CharacterStatChangedBody>>(_host.Bus, Topics.EventCharacterStatus);

        await PublishAsync(1, new CharacterCommand<CharacterChangePoolBody>
        {
            WorldId = 0, CharacterId = 1, Type = CharacterCommandTypes.ChangeHp, Body = new CharacterChangePoolBody { ChannelId = 1, Amount = short.MaxValue },
        });

        Assert.Equal(["HP"], (await status.WaitAsync(e => e.CharacterId == 1)).Message.Body.Updates);
        Assert.Equal(before["maxHp"], (await AttributesAsync(1))["hp"]);
    }

    private Task DistributeAsync(uint characterId, params (string Ability, sbyte Amount)[] distributions) =>
        PublishAsync(characterId, new CharacterCommand<CharacterDistributeApBody>
        {
            WorldId = 0, CharacterId = characterId, Type = CharacterCommandTypes.RequestDistributeAp,
            Body = new CharacterDistributeApBody { Distributions = [.. distributions.Select(d => new AbilityDistribution { Ability = d.Ability, Amount = d.Amount })] },
        });

    private Task DropMesoAsync(uint characterId, uint amount) =>
        PublishAsync(characterId, new CharacterCommand<CharacterDropMesoBody>
        {
            WorldId = 0, CharacterId = characterId, Type = CharacterCommandTypes.RequestDropMeso, Body = new CharacterDropMesoBody { ChannelId = 1, MapId = 100000000, Amount = amount },
        });

    private async Task PublishAsync(uint characterId, object command) =>
        Assert.True(await _host.Bus.PublishAsync(Topics.CommandCharacter, MessageKeys.Create(characterId), command, _host.Tenant));

    private async Task<Dictionary<string, long>> AttributesAsync(uint characterId)
    {
        var attributes = JsonApiDocument.Parse(await _host.GetOkAsync($"characters/{characterId}")).Single("characters").Attributes;
        return attributes.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }
}
