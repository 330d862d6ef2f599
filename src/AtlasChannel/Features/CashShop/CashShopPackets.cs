using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Field;
using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.CashShop;

/// <summary>What CashShopOpen carries besides the character (spec/packets/cashshop.md §2).</summary>
public readonly record struct CashShopOpenState(CharacterSnapshot Character, string AccountName, DateTimeOffset Now);

/// <summary>The LOAD_INVENTORY_SUCCESS body (cashshop.md §4.3).</summary>
public readonly record struct CashLockerState(int AccountId, IReadOnlyList<CashLockerItem> Items, short StorageSlots, short CharacterSlots);

/// <summary>Encoders of the cash-shop stage (spec/packets/cashshop.md). Only GMS v83+ and JMS are laid out.</summary>
public static class CashShopPackets
{
    public const string OpenWriter = "CashShopOpen";
    public const string OperationWriter = "CashShopOperation";
    public const string CashQueryWriter = "CashShopCashQueryResult";
    public const string LoadInventorySuccess = "LOAD_INVENTORY_SUCCESS";
    public const string LoadWishlist = "LOAD_WISHLIST";
    public const int WishlistSize = 10;
    public const int HighestCharacterLevel = 200;

    /// <summary>Atlas's best-items list: the same five SNs for every category and gender.</summary>
    private static readonly int[] BestItemSerials = [50200004, 50200069, 50200117, 50100008, 50000047];

    public static void WriteOpen(PacketWriter writer, in WriterContext context, CashShopOpenState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var version = context.Version;
        CharacterDataWriter.Write(writer, state.Character, FieldLayout.For(version), state.Now);
        if (version.IsJapan)
        {
            writer.WriteString(state.AccountName);
            writer.WriteInt16(0); // modified commodities
            writer.WriteInt16(0); // JMS extra
        }
        else
        {
            writer.WriteBool(true).WriteString(state.AccountName);
            writer.WriteInt32(0); // not-on-sale SNs
            writer.WriteInt16(0); // modified commodities
        }

        writer.WriteByte(0); // category discounts
        for (var category = 0; category < 9; category++)
        {
            for (var gender = 0; gender < 2; gender++)
            {
                foreach (var serial in BestItemSerials)
                    writer.WriteInt32(category).WriteInt32(gender).WriteInt32(serial);
            }
        }

        writer.WriteInt16(0); // stock
        writer.WriteInt16(0); // limit goods
        if (!version.IsJapan && version.Major >= 72)
            writer.WriteInt16(0); // zero goods
        writer.WriteBool(false); // event on
        if (!version.IsJapan && version.Major >= 72)
            writer.WriteInt32(HighestCharacterLevel);
    }

    public static void WriteLoadInventory(PacketWriter writer, in WriterContext context, CashLockerState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(TemplateOptions.Code(context.Binding.Options, "operations", LoadInventorySuccess, OperationWriter));
        writer.WriteInt16((short)state.Items.Count);
        foreach (var item in state.Items)
            WriteCashItem(writer, state.AccountId, item);
        writer.WriteInt16(state.StorageSlots).WriteInt16(state.CharacterSlots);
        if (context.Version.IsJapan || context.Version.Major >= 95)
            writer.WriteInt16(0).WriteInt16(0); // buy-character count, character count (Atlas 0)
    }

    /// <summary>Exactly ten SNs: the client reads a fixed 40-byte buffer; extra entries are dropped, missing ones are 0.</summary>
    public static void WriteWishlist(PacketWriter writer, in WriterContext context, IReadOnlyList<int> serials)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(serials);
        writer.WriteByte(TemplateOptions.Code(context.Binding.Options, "operations", LoadWishlist, OperationWriter));
        for (var i = 0; i < WishlistSize; i++)
            writer.WriteInt32(i < serials.Count ? serials[i] : 0);
    }

    public static void WriteCashQuery(PacketWriter writer, in WriterContext context, CashWallet wallet)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(wallet);
        writer.WriteInt32(wallet.Credit).WriteInt32(wallet.Points);
        if (!context.Version.IsJapan)
            writer.WriteInt32(wallet.Prepaid);
    }

    /// <summary>GW_CashItemInfo, 55 bytes (cashshop.md §4.1).</summary>
    public static void WriteCashItem(PacketWriter writer, int accountId, CashLockerItem item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteInt64(item.CashId)
            .WriteInt32(accountId)
            .WriteInt32(item.PurchasedBy)
            .WriteInt32(item.TemplateId)
            .WriteInt32(item.CommodityId)
            .WriteInt16(item.Quantity)
            .WritePaddedString(string.Empty, 13)
            .WriteFileTime(item.Expiration)
            .WriteInt32(0)
            .WriteInt32(0);
    }
}
