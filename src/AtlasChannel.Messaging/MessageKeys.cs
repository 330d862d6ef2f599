using System.Buffers.Binary;
using System.Text;

namespace AtlasChannel.Messaging;

/// <summary>Kafka key encodings used by Atlas (spec/kafka/README.md §2).</summary>
public static class MessageKeys
{
    public const int IdKeyLength = 8;
    public const int UuidTextKeyLength = 36;

    /// <summary>Go's <c>CreateKey(int)</c>: low 32 bits little-endian, then four zero bytes.</summary>
    public static byte[] Create(int id)
    {
        var key = new byte[IdKeyLength];
        Write(key, id);
        return key;
    }

    public static byte[] Create(uint id) => Create(unchecked((int)id));

    /// <summary>64-bit ids (pet ids) are truncated to their low 32 bits, as the Go code does.</summary>
    public static byte[] Create(ulong id) => Create(unchecked((int)(uint)id));

    public static byte[] Create(long id) => Create(unchecked((int)id));

    public static void Write(Span<byte> destination, int id)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, unchecked((uint)id));
        destination.Slice(4, 4).Clear();
    }

    /// <summary>
    /// Saga command key: <c>CreateKey(int(uuid.ID()))</c> where <c>ID()</c> is the big-endian uint32 of the
    /// first four UUID bytes — net effect: those four bytes reversed, then four zeros.
    /// </summary>
    public static byte[] ForSaga(Guid transactionId)
    {
        Span<byte> uuid = stackalloc byte[16];
        transactionId.TryWriteBytes(uuid, bigEndian: true, out _);
        return Create(unchecked((int)BinaryPrimitives.ReadUInt32BigEndian(uuid)));
    }

    /// <summary>36-byte ASCII canonical UUID key (channel status, transport routes).</summary>
    public static byte[] ForUuidText(Guid id)
    {
        var key = new byte[UuidTextKeyLength];
        id.TryFormat(key, out _, "D");
        return key;
    }

    internal static string Describe(ReadOnlySpan<byte> key) => key.IsEmpty ? "<none>" : Convert.ToHexStringLower(key);

    internal static string DescribeValue(ReadOnlySpan<byte> value) => value.IsEmpty ? "<empty>" : Encoding.UTF8.GetString(value);
}
