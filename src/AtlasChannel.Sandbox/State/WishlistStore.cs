namespace AtlasChannel.Sandbox.State;

internal sealed record WishlistItem(Guid Id, uint CharacterId, uint SerialNumber);

/// <summary>The cash-shop service's wish lists (POST adds, DELETE clears).</summary>
internal sealed class WishlistStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<uint, List<WishlistItem>> _items = [];

    public IReadOnlyList<WishlistItem> Of(uint characterId)
    {
        lock (_gate)
            return _items.TryGetValue(characterId, out var items) ? [.. items] : [];
    }

    public WishlistItem Add(uint characterId, uint serialNumber)
    {
        var item = new WishlistItem(Guid.NewGuid(), characterId, serialNumber);
        lock (_gate)
        {
            if (!_items.TryGetValue(characterId, out var items))
                _items[characterId] = items = [];
            items.Add(item);
        }

        return item;
    }

    public void Clear(uint characterId)
    {
        lock (_gate)
            _items.Remove(characterId);
    }
}
