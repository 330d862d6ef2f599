namespace AtlasChannel.IntegrationTests;

/// <summary>Waits for a condition that another thread makes true (polling, bounded); never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<T?> probe, TimeSpan? timeout = null, string? what = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
                return value;
            await Task.Delay(10);
        }

        throw new TimeoutException("timed out waiting for " + (what ?? "a condition"));
    }

    public static async Task True(Func<bool> probe, TimeSpan? timeout = null, string? what = null) =>
        await Until(() => probe() ? string.Empty : null, timeout, what);
}
