namespace AtlasChannel.Protocol.Packets;

/// <summary>Windows FILETIME values as the client reads them (int64, 100-ns ticks since 1601-01-01 UTC).</summary>
public static class PacketTime
{
    /// <summary>"Default / no expiry": 2079-01-01.</summary>
    public const long NoExpiry = 150_842_304_000_000_000;

    /// <summary>"Zero time": 1900-01-01.</summary>
    public const long ZeroTime = 94_354_848_000_000_000;

    /// <summary>"Permanent": 2078-12-31.</summary>
    public const long Permanent = 150_841_440_000_000_000;

    /// <summary>What Atlas writes for an unset time.</summary>
    public const long Unset = -1;

    private const long UnixEpochAsFileTime = 116_444_736_000_000_000;
    private const long TicksPerSecond = 10_000_000;

    /// <summary>
    /// FILETIME of <paramref name="time"/> with sub-second precision dropped, as Atlas writes it;
    /// <see langword="null"/> or <see cref="DateTimeOffset.MinValue"/> (Go's zero time) becomes <see cref="Unset"/>.
    /// </summary>
    public static long ToFileTime(DateTimeOffset? time)
    {
        if (time is not { } value || value == DateTimeOffset.MinValue)
            return Unset;
        return (value.ToUnixTimeSeconds() * TicksPerSecond) + UnixEpochAsFileTime;
    }

    public static DateTimeOffset FromFileTime(long fileTime) => DateTimeOffset.FromFileTime(fileTime).ToUniversalTime();
}
