using AtlasChannel.Features.Stats;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// The party HP exchange on map entry (map.md CHARACTER_ENTER step 4; chat-social.md §9.4): the online party members
/// (PARTIES) with a session in the field get PartyMemberHP of the entering character, and it gets theirs. HP and max HP
/// are the loaded snapshots'. A PARTIES failure sends nothing.
/// </summary>
public sealed partial class FieldPartyHp(SessionRegistry registry, PartyPeer parties, ILogger<FieldPartyHp> logger) : IFieldEntryPart
{
    public string Name => "party HP";

    public async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        List<Session> mates;
        try
        {
            mates = await PartyMatesInField.FindAsync(parties, registry, entering, field.Key, cancellationToken);
        }
        catch (PeerException ex)
        {
            LogPartyReadFailed(logger, entering.Id, entering.CharacterId, ex.Message);
            return;
        }

        PartyHp? mine = entering.Character is { } self ? HpOf(entering.CharacterId, self.Stats) : null;
        foreach (var mate in mates)
        {
            if (mate.Character is not { } character)
                continue;
            if (mine is { } hp)
                mate.Send(StatsWriters.PartyMemberHp, hp, PartyMemberHpPacket.Body);
            entering.Send(StatsWriters.PartyMemberHp, HpOf(mate.CharacterId, character.Stats), PartyMemberHpPacket.Body);
        }
    }

    private static PartyHp HpOf(int characterId, Characters.CharacterStats stats) => new(characterId, stats.Hp, stats.MaxHp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: party HP of character {CharacterId} not exchanged, PARTIES failed: {Reason}")]
    private static partial void LogPartyReadFailed(ILogger logger, Guid sessionId, int characterId, string reason);
}
