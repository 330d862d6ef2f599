using System.Buffers.Binary;
using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Field;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Testing;

namespace AtlasChannel.IntegrationTests;

/// <summary>
/// The login scenarios of the host issue, written once and run against both transports (see the two test classes
/// below): real sockets, the tool's bot, the sandbox peers.
/// </summary>
internal static class LoginScenarios
{
    public static async Task ValidLoginGetsSetFieldWithTheFixtureCharacter(ChannelHarness harness)
    {
        await using var bot = await BotSession.LoginAsync(harness.FirstPort, 1);
        var body = await bot.WaitForAsync("SetField");
        var decoded = SetFieldReader.Read(body, bot.Client.Version);
        var expected = FixtureCharacter(1);
        var character = decoded.Character ?? throw new InvalidOperationException("SetField without character data");
        Assert.Equal(expected.Stats, character.Stats);
        Assert.Equal(expected.Inventory, character.Inventory);
        Assert.Equal(expected.Meso, character.Meso);
        Assert.Equal(expected.StartedQuests, character.StartedQuests);
        Assert.Equal(expected.CompletedQuests, character.CompletedQuests);
        Assert.Equal(expected.Skills.Select(s => s.SkillId), character.Skills.Select(s => s.SkillId));
        Assert.Equal(0, decoded.ChannelId);
        await bot.WaitForAsync("CharacterKeyMap");

        var progress = await Eventually.Until(() => harness.Recorder.ProgressStates.FirstOrDefault(p => p.AccountId == 1), what: "PROGRESS_STATE");
        Assert.Equal(AccountSessionCommandTypes.ChannelAuthor, progress.Author);
        Assert.Equal(1, progress.Body.State);
        Assert.True(AccountSessionParams.TryReadLogin(progress.Body.Params, out var characterId));
        Assert.Equal(1u, characterId);
        var created = await Eventually.Until(() => harness.Recorder.SessionStatuses.FirstOrDefault(s => s.Type == SessionStatusTypes.Created && s.CharacterId == 1), what: "CREATED");
        Assert.Equal(progress.SessionId, created.SessionId);
        Assert.Equal(1u, created.AccountId);
        Assert.Equal("CHANNEL", created.Issuer);
    }

    public static async Task RefusedAccountIsDisconnectedWithoutSetField(ChannelHarness harness)
    {
        await using var bot = await BotSession.LoginAsync(harness.FirstPort, 3);
        var closed = await bot.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(closed.EndedCleanly);
        Assert.False(bot.HasReceived("SetField"));
        Assert.Empty(bot.Received);
        Assert.DoesNotContain(harness.Recorder.SessionStatuses, s => s.CharacterId == 3);
    }

    public static async Task SecondLoginOfAnOnlineCharacterIsRefusedAndTheFirstStays(ChannelHarness harness)
    {
        await using var first = await BotSession.LoginAsync(harness.FirstPort, 2);
        await first.WaitForAsync("SetField");
        await using var second = await BotSession.LoginAsync(harness.FirstPort, 2);
        await second.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(second.HasReceived("SetField"));
        Assert.False(first.Closed.IsCompleted);

        // The first session still works: a channel change request is answered with the migrate command.
        await first.Client.SendAsync("ChannelChangeHandle", new byte[] { 1, 0x10, 0x27, 0, 0 });
        var migrate = await first.WaitForAsync("ChannelChange");
        Assert.Equal(1, migrate[2]);
        Assert.Equal(new byte[] { 127, 0, 0, 1 }, migrate[3..7]);
        Assert.Equal(harness.FirstPort + 1, BinaryPrimitives.ReadUInt16LittleEndian(migrate.AsSpan(7)));
    }

    public static async Task GarbageAndOversizeHeadersCloseOnlyThatConnection(ChannelHarness harness)
    {
        await using var player = await BotSession.LoginAsync(harness.FirstPort, 1);
        await player.WaitForAsync("SetField");

        await using var garbage = await BotSession.ConnectAsync(harness.FirstPort);
        await garbage.Client.SendRawWireAsync(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3 });
        await garbage.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        await using var oversize = await BotSession.ConnectAsync(harness.FirstPort);
        var header = new byte[4];
        PacketHeader.Write(header, oversize.Client.Hello.ServerReceiveIv, oversize.Client.Version.ClientToServerHeaderKey, ChannelHarness.MaxPacketLength + 1);
        await oversize.Client.SendRawWireAsync(header);
        await oversize.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(player.Closed.IsCompleted);
        await player.Client.SendAsync("ChannelChangeHandle", new byte[] { 1, 0, 0, 0, 0 });
        await player.WaitForAsync("ChannelChange");
    }

    public static async Task LogoutProducesLogoutAndDestroyed(ChannelHarness harness)
    {
        var bot = await BotSession.LoginAsync(harness.FirstPort, 2);
        await bot.WaitForAsync("SetField");
        var created = await Eventually.Until(() => harness.Recorder.SessionStatuses.LastOrDefault(s => s.Type == SessionStatusTypes.Created && s.CharacterId == 2), what: "CREATED");
        await bot.DisposeAsync();

        var logout = await Eventually.Until(() => harness.Recorder.Logouts.FirstOrDefault(l => l.SessionId == created.SessionId), what: "LOGOUT");
        Assert.Equal(2u, logout.AccountId);
        Assert.Equal("CHANNEL", logout.Author);
        var destroyed = await Eventually.Until(() => harness.Recorder.SessionStatuses.FirstOrDefault(s => s.Type == SessionStatusTypes.Destroyed && s.SessionId == created.SessionId), what: "DESTROYED");
        Assert.Equal(2u, destroyed.CharacterId);
    }

    public static async Task ShutdownSendsLogoutsForLiveSessions(ChannelHarness harness)
    {
        await using var one = await BotSession.LoginAsync(harness.FirstPort, 1);
        await using var two = await BotSession.LoginAsync(harness.FirstPort + 1, 2);
        await one.WaitForAsync("SetField");
        await two.WaitForAsync("SetField");

        await harness.StopAsync();

        await one.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        await two.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        // Delivered before the bus stopped: the peers (on Kafka, their own consumer group) receive both.
        await Eventually.True(() => harness.Recorder.Logouts.Any(l => l.AccountId == 1) && harness.Recorder.Logouts.Any(l => l.AccountId == 2), what: "LOGOUT for both accounts");
    }

    public static CharacterSnapshot FixtureCharacter(int id)
    {
        static byte[] Read(params string[] parts) =>
            File.ReadAllBytes(Path.Combine([SpecFiles.Root, "..", "src", "AtlasChannel.Sandbox", "Fixtures", .. parts]));
        var dir = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CharacterSnapshotMapper.Map(new CharacterSources(
            RestResources.ReadCharacter(Read("characters", dir + ".json")),
            RestResources.ReadInventory(Read("characters", dir, "inventory.json")),
            RestResources.ReadSkills(Read("characters", dir, "skills.json")),
            RestResources.ReadQuests(Read("characters", dir, "quests.json")),
            RestResources.ReadPets(Read("characters", dir, "pets.json"))));
    }
}
