using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts.Json;

/// <summary>
/// Reads a saga step, choosing the payload record from the sibling <c>action</c> (which may come before or after
/// <c>payload</c>): a copy of the reader scans for <c>action</c> first, then the step is read once. Keys match
/// case-insensitively and unknown keys are skipped, as in Go.
/// </summary>
public sealed class SagaStepConverter : JsonConverter<SagaStep>
{
    private static readonly GoTimeConverter TimeConverter = new();

    public override SagaStep Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"expected a saga step object, got {reader.TokenType}");

        var action = FindAction(reader);
        var step = new SagaStep();
        SagaPayload? payload = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (Is(name, "stepId"))
                step = step with { StepId = ReadString(ref reader) };
            else if (Is(name, "status"))
                step = step with { Status = ReadString(ref reader) };
            else if (Is(name, "action"))
                step = step with { Action = ReadString(ref reader) };
            else if (Is(name, "payload"))
                payload = ReadPayload(ref reader, action, options);
            else if (Is(name, "createdAt"))
                step = step with { CreatedAt = TimeConverter.Read(ref reader, typeof(DateTimeOffset), options) };
            else if (Is(name, "updatedAt"))
                step = step with { UpdatedAt = TimeConverter.Read(ref reader, typeof(DateTimeOffset), options) };
            else
                reader.Skip();
        }

        return payload is null ? step : step with { Payload = payload };
    }

    public override void Write(Utf8JsonWriter writer, SagaStep value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("stepId", value.StepId);
        writer.WriteString("status", value.Status);
        writer.WriteString("action", value.Action);
        writer.WritePropertyName("payload");
        if (value.Payload is UnknownSagaPayload unknown)
            unknown.Raw.WriteTo(writer);
        else
            JsonSerializer.Serialize(writer, value.Payload, options.GetTypeInfo(value.Payload.GetType()));
        writer.WritePropertyName("createdAt");
        TimeConverter.Write(writer, value.CreatedAt, options);
        writer.WritePropertyName("updatedAt");
        TimeConverter.Write(writer, value.UpdatedAt, options);
        writer.WriteEndObject();
    }

    private static SagaPayload ReadPayload(ref Utf8JsonReader reader, string? action, JsonSerializerOptions options)
    {
        if (action is not null && reader.TokenType != JsonTokenType.Null &&
            SagaActions.PayloadTypes.TryGetValue(action, out var payloadType))
        {
            return (SagaPayload?)JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(payloadType))
                   ?? throw new JsonException("saga payload is null");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return new UnknownSagaPayload { Raw = document.RootElement.Clone() };
    }

    /// <summary>Scans a copy of the reader (positioned on the step's StartObject) for the last <c>action</c> string.</summary>
    private static string? FindAction(Utf8JsonReader reader)
    {
        string? action = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            var name = reader.GetString();
            reader.Read();
            if (Is(name, "action") && reader.TokenType == JsonTokenType.String)
                action = reader.GetString();
            else
                reader.Skip();
        }

        return action;
    }

    private static string ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Null => "",
        _ => throw new JsonException($"expected a string, got {reader.TokenType}"),
    };

    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
