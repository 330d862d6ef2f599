using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace AtlasChannel.Contracts;

public enum MessageKeyKind
{
    /// <summary><c>CreateKey(n)</c>: low 32 bits of a numeric field, little-endian, then four zero bytes.</summary>
    CreateKey,

    /// <summary><c>CreateKey(int(uuid.ID()))</c>: the first four UUID bytes reversed, then four zero bytes.</summary>
    TransactionUuid,

    /// <summary>The 36-byte ASCII text of a UUID field.</summary>
    AsciiUuid,

    /// <summary>The 36-byte ASCII tenant id, which is not part of the value (world-service channel-status commands).</summary>
    TenantIdAscii,
}

/// <summary>
/// Which key bytes the producer of a (topic, type) writes, as data: the kind and the JSON path of the source field
/// within the value (e.g. <c>characterId</c>, <c>body.senderId</c>). A null <see cref="Field"/> with
/// <see cref="MessageKeyKind.CreateKey"/> means <c>CreateKey(0)</c>.
/// </summary>
public sealed record MessageKey(MessageKeyKind Kind, string? Field)
{
    public static MessageKey Of(string field) => new(MessageKeyKind.CreateKey, field);

    public static MessageKey Zero { get; } = new(MessageKeyKind.CreateKey, null);

    public static MessageKey Transaction(string field = "transactionId") => new(MessageKeyKind.TransactionUuid, field);

    public static MessageKey Ascii(string field) => new(MessageKeyKind.AsciiUuid, field);

    public static MessageKey TenantId { get; } = new(MessageKeyKind.TenantIdAscii, null);

    /// <summary>The 8-byte key Go's <c>CreateKey</c> builds for <paramref name="value"/> (truncated to 32 bits).</summary>
    public static byte[] CreateKey(long value)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(key, unchecked((uint)value));
        return key;
    }

    /// <summary>Saga key: <c>CreateKey</c> of the big-endian uint32 formed by the UUID's first four bytes.</summary>
    public static byte[] CreateKey(Guid transactionId)
    {
        Span<byte> bytes = stackalloc byte[16];
        transactionId.TryWriteBytes(bytes, bigEndian: true, out _);
        return CreateKey(BinaryPrimitives.ReadUInt32BigEndian(bytes));
    }

    /// <summary>
    /// Computes the key from a serialised value, or null when the key is not derivable from the value (tenant id keys)
    /// or the field is missing or mistyped.
    /// </summary>
    public byte[]? Compute(ReadOnlySpan<byte> utf8Json)
    {
        if (Kind == MessageKeyKind.TenantIdAscii)
            return null;
        if (Field is null)
            return CreateKey(0);

        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            var element = document.RootElement;
            foreach (var segment in Field.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
                    return null;
            }

            return Kind switch
            {
                MessageKeyKind.CreateKey when element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var signed) => CreateKey(signed),
                MessageKeyKind.CreateKey when element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var unsigned) => CreateKey(unchecked((long)unsigned)),
                MessageKeyKind.TransactionUuid when element.ValueKind == JsonValueKind.String && Json.GoUuid.TryParse(element.GetString(), out var uuid) => CreateKey(uuid),
                MessageKeyKind.AsciiUuid when element.ValueKind == JsonValueKind.String && Json.GoUuid.TryParse(element.GetString(), out var uuid) => Encoding.ASCII.GetBytes(Json.GoUuid.Format(uuid)),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
