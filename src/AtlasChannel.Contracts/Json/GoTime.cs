using System.Globalization;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// Go <c>time.Time</c> text form: RFC 3339 with up to nanosecond fractions. Parsing keeps 100 ns (the
/// <see cref="DateTimeOffset"/> resolution; extra digits are truncated); formatting trims trailing zeros like Go's
/// <c>RFC3339Nano</c> layout and writes <c>Z</c> for a zero offset.
/// </summary>
public static class GoTime
{
    /// <summary>Go's zero <c>time.Time</c>, written as <c>0001-01-01T00:00:00Z</c>.</summary>
    public static readonly DateTimeOffset Zero = DateTimeOffset.MinValue;

    private const int MaxFormattedLength = 35; // yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
            return false;

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) ||
            !TryDigits(text.Slice(8, 2), out var day) || !TryDigits(text.Slice(11, 2), out var hour) ||
            !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
            return false;

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
            return false;

        var rest = text[19..];
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 0;
            while (digits + 1 < rest.Length && char.IsAsciiDigit(rest[digits + 1]))
                digits++;
            if (digits == 0)
                return false;

            // Only the first seven digits fit DateTimeOffset's 100 ns ticks; Go keeps nine, we truncate the rest.
            for (var i = 0; i < 7; i++)
                fractionTicks = (fractionTicks * 10) + (i < digits ? rest[i + 1] - '0' : 0);
            rest = rest[(digits + 1)..];
        }

        if (!TryParseOffset(rest, out var offsetMinutes))
            return false;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var utcTicks = local.Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return false;

        // Go accepts offsets up to ±23:59, DateTimeOffset only ±14:00: keep the instant in UTC for the rare larger ones.
        value = Math.Abs(offsetMinutes) <= 14 * 60
            ? new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes))
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    public static string Format(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        return new string(buffer[..Format(value, buffer)]);
    }

    /// <summary>Writes the Go text form into <paramref name="destination"/> (at least 35 chars) and returns its length.</summary>
    public static int Format(DateTimeOffset value, Span<char> destination)
    {
        var clock = value.DateTime;
        if (!clock.TryFormat(destination, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture))
            throw new ArgumentException("destination too small", nameof(destination));

        var fraction = (int)(clock.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            destination[written++] = '.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                destination[written + i] = (char)('0' + (fraction % 10));
                fraction /= 10;
            }

            written += digits;
        }

        var offsetMinutes = (int)value.Offset.TotalMinutes;
        if (offsetMinutes == 0)
        {
            destination[written++] = 'Z';
            return written;
        }

        destination[written++] = offsetMinutes < 0 ? '-' : '+';
        offsetMinutes = Math.Abs(offsetMinutes);
        WriteTwoDigits(destination[written..], offsetMinutes / 60);
        destination[written + 2] = ':';
        WriteTwoDigits(destination[(written + 3)..], offsetMinutes % 60);
        return written + 5;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> text, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (text is ['Z'])
            return true;

        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':' ||
            !TryDigits(text.Slice(1, 2), out var hours) || !TryDigits(text.Slice(4, 2), out var minutes) ||
            hours > 23 || minutes > 59)
            return false;

        offsetMinutes = ((hours * 60) + minutes) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static void WriteTwoDigits(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }
}
