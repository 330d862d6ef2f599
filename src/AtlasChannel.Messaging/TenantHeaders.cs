using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using Confluent.Kafka;

namespace AtlasChannel.Messaging;

/// <summary>Reads and writes the Atlas tenant headers exactly as spec/kafka/README.md §3.1 describes.</summary>
public static class TenantHeaders
{
    public const string TenantId = "TENANT_ID";
    public const string Region = "REGION";
    public const string MajorVersion = "MAJOR_VERSION";
    public const string MinorVersion = "MINOR_VERSION";

    private const int UuidTextLength = 36;

    public static void Write(Headers headers, Tenant tenant)
    {
        var encoded = Encode(tenant);
        headers.Add(TenantId, encoded.Id);
        headers.Add(Region, encoded.Region);
        headers.Add(MajorVersion, encoded.Major);
        headers.Add(MinorVersion, encoded.Minor);
    }

    /// <summary>Always yields a tenant; missing or malformed parts stay zero/empty, as the Go parser leaves them.</summary>
    public static Tenant Read(Headers? headers)
    {
        if (headers is null)
            return new Tenant(Guid.Empty, string.Empty, 0, 0);

        var id = Guid.Empty;
        var region = string.Empty;
        ushort major = 0, minor = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var value = header.GetValueBytes() ?? [];
            switch (header.Key)
            {
                case TenantId:
                    id = ParseTenantId(value);
                    break;
                case Region:
                    region = RegionCache.Text(value);
                    break;
                case MajorVersion:
                    major = ParseVersion(value);
                    break;
                case MinorVersion:
                    minor = ParseVersion(value);
                    break;
            }
        }

        return new Tenant(id, region, major, minor);
    }

    public static Guid ParseTenantId(ReadOnlySpan<byte> value) =>
        value.Length == UuidTextLength && Utf8Parser.TryParse(value, out Guid id, out var consumed, 'D') && consumed == UuidTextLength
            ? id
            : Guid.Empty;

    /// <summary>Exactly two bytes, big-endian; any other length means 0.</summary>
    public static ushort ParseVersion(ReadOnlySpan<byte> value) =>
        value.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(value) : (ushort)0;

    public static byte[] EncodeVersion(ushort version)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, version);
        return bytes;
    }

    // A process publishes for a few tenants, usually one at a time: reuse the last tenant's header values.
    // The arrays are handed to Kafka (which copies them) and never mutated.
    private static EncodedTenant? _lastEncoded;

    private static EncodedTenant Encode(Tenant tenant)
    {
        var last = Volatile.Read(ref _lastEncoded);
        if (last is not null && last.Tenant == tenant)
            return last;

        var id = new byte[UuidTextLength];
        tenant.Id.TryFormat(id, out _, "D");
        var encoded = new EncodedTenant(tenant, id, RegionCache.Bytes(tenant.Region ?? string.Empty), EncodeVersion(tenant.Major), EncodeVersion(tenant.Minor));
        Volatile.Write(ref _lastEncoded, encoded);
        return encoded;
    }

    private sealed record EncodedTenant(Tenant Tenant, byte[] Id, byte[] Region, byte[] Major, byte[] Minor);

    /// <summary>
    /// A handful of region strings exist per deployment; caching avoids a string allocation per consumed message.
    /// Copy-on-write array, safe for concurrent readers.
    /// </summary>
    private static class RegionCache
    {
        private const int MaxEntries = 16;
        private static (byte[] Utf8, string Text)[] _entries = [];

        public static string Text(ReadOnlySpan<byte> utf8)
        {
            foreach (var entry in Volatile.Read(ref _entries))
            {
                if (utf8.SequenceEqual(entry.Utf8))
                    return entry.Text;
            }

            var text = Encoding.UTF8.GetString(utf8);
            Add(utf8.ToArray(), text);
            return text;
        }

        public static byte[] Bytes(string text)
        {
            foreach (var entry in Volatile.Read(ref _entries))
            {
                if (string.Equals(entry.Text, text, StringComparison.Ordinal))
                    return entry.Utf8;
            }

            var utf8 = Encoding.UTF8.GetBytes(text);
            Add(utf8, text);
            return utf8;
        }

        private static void Add(byte[] utf8, string text)
        {
            var current = Volatile.Read(ref _entries);
            if (current.Length < MaxEntries)
                Interlocked.CompareExchange(ref _entries, [.. current, (utf8, text)], current);
        }
    }
}
