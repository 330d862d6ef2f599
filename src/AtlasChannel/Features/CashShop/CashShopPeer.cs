using System.Globalization;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;

namespace AtlasChannel.Features.CashShop;

/// <summary>The account as the cash-shop open packet needs it (spec/rest/accounts.md).</summary>
public sealed record CashShopAccount(string Name, short CharacterSlots);

/// <summary>One locker entry in the cash-shop service's flat server shape (spec/rest/cashshop.md §2).</summary>
public sealed record CashLockerItem(long CashId, int TemplateId, int CommodityId, short Quantity, int PurchasedBy, DateTimeOffset? Expiration);

public sealed record CashWallet(int Credit, int Points, int Prepaid)
{
    public static readonly CashWallet Zero = new(0, 0, 0);
}

/// <summary>ACCOUNTS, CASHSHOP and STORAGE reads of the cash-shop entry (spec/rest/cashshop.md, storage.md, accounts.md).</summary>
public sealed class CashShopPeer(PeerHttp http)
{
    public const string CashShopRoot = "CASHSHOP";
    public const string StorageRoot = "STORAGE";
    public const byte ExplorerCompartment = 1;
    public const short DefaultStorageSlots = 4;

    /// <summary>The account, or null when unknown. Transport/status failures throw <see cref="PeerException"/>.</summary>
    public async Task<CashShopAccount?> GetAccountAsync(Tenant tenant, int accountId, CancellationToken cancellationToken)
    {
        var body = await http.GetAsync(PeerRoots.Accounts, $"accounts/{accountId}", tenant, cancellationToken);
        if (body is null)
            return null;
        var attributes = JsonApiDocument.Parse(body).Single("accounts").Attributes;
        var slots = attributes.LongOrNull("characterSlots") is >= 0 and <= short.MaxValue and var s ? (short)s : (short)0;
        return new CashShopAccount(attributes.StringOrNull("name") ?? string.Empty, slots);
    }

    /// <summary>The explorer cash compartment's assets; any failure is an empty locker (cashshop.md status table).</summary>
    public async Task<IReadOnlyList<CashLockerItem>> GetLockerOrEmptyAsync(Tenant tenant, int accountId, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync(CashShopRoot, $"accounts/{accountId}/cash-shop/inventory/compartments?type={ExplorerCompartment}", tenant, cancellationToken);
            if (body is null)
                return [];
            var document = JsonApiDocument.Parse(body);
            var compartment = document.Single("compartments");
            return [.. document.Related(compartment, "assets", "assets").Select(ReadAsset)];
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException or FormatException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>The account storage capacity in this world; any failure is the default 4 (storage.md).</summary>
    public async Task<short> GetStorageSlotsOrDefaultAsync(Tenant tenant, int accountId, byte worldId, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync(StorageRoot, $"storage/accounts/{accountId}?worldId={worldId}", tenant, cancellationToken);
            if (body is null)
                return DefaultStorageSlots;
            // The channel truncates the capacity to a byte (storage.md §1).
            return JsonApiDocument.Parse(body).Single("storages").Attributes.LongOrNull("capacity") is >= 0 and var capacity
                ? (byte)capacity
                : DefaultStorageSlots;
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException or FormatException or InvalidOperationException)
        {
            return DefaultStorageSlots;
        }
    }

    /// <summary>The wish list's commodity serial numbers. Failures throw: the caller aborts the entry (lifecycle §9).</summary>
    public async Task<IReadOnlyList<int>> GetWishlistAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        var body = await http.GetAsync(CashShopRoot, $"characters/{characterId}/cash-shop/wishlist", tenant, cancellationToken)
            ?? throw new PeerException(CashShopRoot, $"characters/{characterId}/cash-shop/wishlist", "no wish list", 404);
        return [.. JsonApiDocument.Parse(body).Collection("items")
            .Select(i => i.Attributes.LongOrNull("serialNumber") is >= 0 and <= uint.MaxValue and var sn ? unchecked((int)(uint)sn) : 0)];
    }

    /// <summary>The wallet; a missing wallet or any failure is zero balances.</summary>
    public async Task<CashWallet> GetWalletOrZeroAsync(Tenant tenant, int accountId, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync(CashShopRoot, $"accounts/{accountId}/wallet", tenant, cancellationToken);
            if (body is null)
                return CashWallet.Zero;
            var attributes = JsonApiDocument.Parse(body).Single("wallets").Attributes;
            return new CashWallet(Amount(attributes, "credit"), Amount(attributes, "points"), Amount(attributes, "prepaid"));
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException or FormatException or InvalidOperationException)
        {
            return CashWallet.Zero;
        }
    }

    private static int Amount(System.Text.Json.JsonElement attributes, string name) =>
        attributes.LongOrNull(name) is >= 0 and <= int.MaxValue and var value ? (int)value : 0;

    private static CashLockerItem ReadAsset(JsonApiResource asset)
    {
        var a = asset.Attributes;
        // cashId is a string-encoded int64 (Go ",string").
        var cashId = long.TryParse(a.StringOrNull("cashId"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : 0;
        DateTimeOffset? expiration = DateTimeOffset.TryParse(a.StringOrNull("expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
            && e.Year > 1 ? e : null;
        return new CashLockerItem(
            cashId,
            (int)(a.LongOrNull("templateId") ?? 0),
            (int)(a.LongOrNull("commodityId") ?? 0),
            a.LongOrNull("quantity") is >= 0 and <= short.MaxValue and var q ? (short)q : (short)0,
            (int)(a.LongOrNull("purchasedBy") ?? 0),
            expiration);
    }
}
