using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.CashShop;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.CharacterInfo;

/// <summary>
/// <c>CharacterInfoRequestHandle</c> (field.md §15.1): REST reads of the inspected character, then CharacterInfo to
/// the requester. The character is required (no reply without it); guild, pets and wish list degrade to empty.
/// </summary>
public sealed partial class CharacterInfoHandler(PeerHttp http, CharacterPeer characters, CashShopPeer shop, ILogger<CharacterInfoHandler> logger) : IPacketHandler
{
    public string Name => "CharacterInfoRequestHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var reader = context.Reader();
        _ = reader.ReadInt32(); // update time
        var characterId = reader.ReadInt32();
        var petInfo = reader.ReadBool();
        if (session.Phase != SessionPhase.InField || characterId <= 0)
            return;

        CharacterResource? character;
        try
        {
            character = await characters.GetAsync(session.Tenant, characterId, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, session.Id, characterId, ex.Message);
            return;
        }

        if (character is null)
        {
            LogLookupFailed(logger, session.Id, characterId, "not found");
            return;
        }

        var guild = GuildNameAsync(session.Tenant, characterId, cancellationToken);
        var pets = petInfo ? PetsAsync(session.Tenant, characterId, cancellationToken) : Task.FromResult<IReadOnlyList<CharacterInfoPet>>([]);
        var wishlist = WishlistAsync(session.Tenant, characterId, cancellationToken);
        await Task.WhenAll(guild, pets, wishlist);

        var a = character.Attributes;
        var view = new CharacterInfoView
        {
            CharacterId = characterId,
            Level = a.Level,
            Job = (short)a.JobId,
            Fame = a.Fame,
            GuildName = await guild,
            Pets = await pets,
            Wishlist = await wishlist,
        };
        session.Send(CharacterInfoPackets.Writer, view, CharacterInfoPackets.Write);
    }

    private async Task<string> GuildNameAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync("GUILDS", $"guilds?filter[members.id]={characterId}", tenant, cancellationToken);
            if (body is null)
                return string.Empty;
            var guilds = JsonApiDocument.Parse(body).Collection("guilds");
            return guilds.Count > 0 ? guilds[0].Attributes.StringOrNull("name") ?? string.Empty : string.Empty;
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            return string.Empty;
        }
    }

    private async Task<IReadOnlyList<CharacterInfoPet>> PetsAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync(PeerRoots.Pets, $"characters/{characterId}/pets", tenant, cancellationToken);
            return body is null
                ? []
                : [.. RestResources.ReadPets(body).Where(p => p.Attributes.Slot >= 0).OrderBy(p => p.Attributes.Slot)
                    .Select(p => new CharacterInfoPet((int)p.Attributes.TemplateId, p.Attributes.Name, p.Attributes.Level, (short)p.Attributes.Closeness, p.Attributes.Fullness))];
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException or System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private async Task<IReadOnlyList<int>> WishlistAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await shop.GetWishlistAsync(tenant, characterId, cancellationToken)).Where(sn => sn != 0)];
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: character info for {CharacterId} not sent: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, int characterId, string reason);
}
