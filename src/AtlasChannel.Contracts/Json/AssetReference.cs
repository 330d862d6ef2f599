using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// An asset id that producers send as a <c>uint32</c> number while the Go channel declares a UUID
/// (cash-shop <c>PURCHASE.assetId</c>, cash-compartment <c>ACCEPTED.assetId</c>). The Go channel fails to decode the
/// number and silently drops those events; we accept both forms and write back the form that was read.
/// </summary>
[JsonConverter(typeof(AssetReferenceConverter))]
public readonly record struct AssetReference
{
    private AssetReference(uint number, Guid? uuid)
    {
        Number = number;
        Uuid = uuid;
    }

    /// <summary>The numeric id (the producer's real form); 0 when the id came as a UUID.</summary>
    public uint Number { get; }

    /// <summary>The UUID form, when the id came as a string.</summary>
    public Guid? Uuid { get; }

    public bool IsUuid => Uuid.HasValue;

    public static AssetReference FromNumber(uint number) => new(number, null);

    public static AssetReference FromUuid(Guid uuid) => new(0, uuid);

    public override string ToString() => Uuid is { } uuid ? GoUuid.Format(uuid) : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class AssetReferenceConverter : JsonConverter<AssetReference>
{
    private static readonly GoUuidConverter UuidConverter = new();

    public override AssetReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => AssetReference.FromNumber(reader.GetUInt32()),
            JsonTokenType.String => AssetReference.FromUuid(UuidConverter.Read(ref reader, typeof(Guid), options)),
            _ => throw new JsonException("expected an asset id (number or UUID string)"),
        };

    public override void Write(Utf8JsonWriter writer, AssetReference value, JsonSerializerOptions options)
    {
        if (value.Uuid is { } uuid)
            UuidConverter.Write(writer, uuid, options);
        else
            writer.WriteNumberValue(value.Number);
    }
}
