using AtlasChannel.Contracts.Rest;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.CashShop;

/// <summary>
/// <c>CashShopEntryHandle</c> (session-lifecycle.md §9; cashshop.md §1): the shop opens in place on the same
/// connection. Account, character and buddy list are required (any failure destroys the session); the locker,
/// storage capacity and wallet fall back to empty/default; a failed wish-list read stops before the wish-list packet.
/// </summary>
public sealed partial class CashShopEntryHandler(
    CharacterPeer characters,
    CashShopPeer shop,
    CashShopStatus status,
    CashShopPresence presence,
    TimeProvider clock,
    ILogger<CashShopEntryHandler> logger) : IPacketHandler
{
    public string Name => "CashShopEntryHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        _ = context.Reader().ReadUInt32(); // client update time
        if (session.Phase != SessionPhase.InField || presence.IsInShop(session))
        {
            LogNotInField(logger, session.Id, session.Phase);
            return;
        }

        CashShopAccount? account;
        LoadedCharacter? loaded;
        try
        {
            var accountCall = shop.GetAccountAsync(session.Tenant, session.AccountId, cancellationToken);
            var characterCall = characters.LoadAsync(session.Tenant, session.CharacterId, cancellationToken);
            await Task.WhenAll(accountCall, characterCall);
            account = await accountCall;
            loaded = await characterCall;
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException or InvalidDataException)
        {
            LogLoadFailed(logger, session.Id, session.CharacterId, ex.Message);
            session.Close("could not load the account or character for the cash shop");
            return;
        }

        if (account is null || loaded is null)
        {
            LogLoadFailed(logger, session.Id, session.CharacterId, account is null ? "account not found" : "character not found");
            session.Close("account or character vanished before entering the cash shop");
            return;
        }

        if (!presence.TryEnter(session))
            return;

        var lockerCall = shop.GetLockerOrEmptyAsync(session.Tenant, session.AccountId, cancellationToken);
        var storageCall = shop.GetStorageSlotsOrDefaultAsync(session.Tenant, session.AccountId, session.Server.WorldId, cancellationToken);
        await Task.WhenAll(lockerCall, storageCall);

        if (!session.Send(CashShopPackets.OpenWriter, new CashShopOpenState(loaded.Snapshot, account.Name, clock.GetUtcNow()), CashShopPackets.WriteOpen))
            return;
        var locker = new CashLockerState(session.AccountId, await lockerCall, await storageCall, account.CharacterSlots);
        if (!session.Send(CashShopPackets.OperationWriter, locker, CashShopPackets.WriteLoadInventory))
            return;

        IReadOnlyList<int> wishlist;
        try
        {
            wishlist = await shop.GetWishlistAsync(session.Tenant, session.CharacterId, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogWishlistFailed(logger, session.Id, session.CharacterId, ex.Message);
            return;
        }

        session.Send(CashShopPackets.OperationWriter, wishlist, CashShopPackets.WriteWishlist);
        var wallet = await shop.GetWalletOrZeroAsync(session.Tenant, session.AccountId, cancellationToken);
        if (!session.Send(CashShopPackets.CashQueryWriter, wallet, CashShopPackets.WriteCashQuery))
            return;

        if (!await status.CharacterEnterAsync(session, cancellationToken))
            LogEnterNotPublished(logger, session.Id, session.CharacterId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: cash-shop entry ignored in phase {Phase} (or already in the shop)")]
    private static partial void LogNotInField(ILogger logger, Guid sessionId, SessionPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: cash-shop entry of character {CharacterId} failed: {Reason}; disconnecting")]
    private static partial void LogLoadFailed(ILogger logger, Guid sessionId, int characterId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: wish list of character {CharacterId} could not be read ({Reason}); cash-shop entry stops before the wish list")]
    private static partial void LogWishlistFailed(ILogger logger, Guid sessionId, int characterId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: CHARACTER_ENTER for character {CharacterId} could not be published")]
    private static partial void LogEnterNotPublished(ILogger logger, Guid sessionId, int characterId);
}
