using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtlasChannel.Contracts;

// EVENT_TOPIC_ACCOUNT_STATUS (consumed) — flat, discriminated by `status`, snake_case `account_id`.

public static class AccountStatuses
{
    public const string Created = "CREATED";
    public const string LoggedIn = "LOGGED_IN";
    public const string LoggedOut = "LOGGED_OUT";
    public const string Deleted = "DELETED";
}

public sealed record AccountStatusEvent
{
    [JsonPropertyName("account_id")]
    public uint AccountId { get; init; }

    public string Name { get; init => field = value ?? ""; } = "";

    public string Status { get; init => field = value ?? ""; } = "";
}

// EVENT_TOPIC_ACCOUNT_SESSION_STATUS (consumed).

public static class AccountSessionStatusTypes
{
    public const string Created = "CREATED";
    public const string StateChanged = "STATE_CHANGED";
    public const string RequestLicenseAgreement = "REQUEST_LICENSE_AGREEMENT";
    public const string Error = "ERROR";
}

public sealed record AccountSessionStatusEvent<TBody>
    where TBody : new()
{
    public Guid SessionId { get; init; }
    public uint AccountId { get; init; }
    public string AccountName { get; init => field = value ?? ""; } = "";
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

/// <summary><c>params</c> is the verbatim echo of what the channel sent; read it with <see cref="AccountSessionParams"/>.</summary>
public sealed record AccountSessionStateChangedBody
{
    public byte State { get; init; }
    public JsonElement Params { get; init => field = value.ValueKind == JsonValueKind.Undefined ? AccountSessionParams.Null : value; } = AccountSessionParams.Null;
}

public sealed record AccountSessionErrorBody
{
    public string Code { get; init => field = value ?? ""; } = "";
    public byte Reason { get; init; }
    public ulong Until { get; init; }
    public string IpAddress { get; init => field = value ?? ""; } = "";
    public string Hwid { get; init => field = value ?? ""; } = "";
}

// COMMAND_TOPIC_ACCOUNT_SESSION (produced).

public static class AccountSessionCommandTypes
{
    public const string ProgressState = "PROGRESS_STATE";
    public const string Logout = "LOGOUT";

    /// <summary>The <c>author</c> (Go field <c>Issuer</c>) this service always writes.</summary>
    public const string ChannelAuthor = "CHANNEL";
}

public sealed record AccountSessionCommand<TBody>
    where TBody : new()
{
    public Guid SessionId { get; init; }
    public uint AccountId { get; init; }
    public string Author { get; init => field = value ?? ""; } = "";
    public string Type { get; init => field = value ?? ""; } = "";
    public TBody Body { get; init => field = value ?? new(); } = new();
}

public sealed record AccountSessionProgressStateBody
{
    /// <summary>1 = logged in (character login), 2 = transition (channel change / leaving the cash shop).</summary>
    public byte State { get; init; }

    /// <summary>Build with <see cref="AccountSessionParams.Login"/> or <see cref="AccountSessionParams.ChannelChange"/>.</summary>
    public JsonElement Params { get; init => field = value.ValueKind == JsonValueKind.Undefined ? AccountSessionParams.Null : value; } = AccountSessionParams.Null;
}

/// <summary>
/// The two <c>params</c> shapes (Go <c>interface{}</c>): login <c>{"characterId"}</c> and channel change
/// <c>{"ipAddress","port"}</c>. The reference channel tells them apart by decoding both, not by <c>state</c>.
/// </summary>
public static class AccountSessionParams
{
    public static JsonElement Null { get; } = Build(static _ => { }, writeNull: true);

    public static JsonElement Login(uint characterId) =>
        Build(w => w.WriteNumber("characterId", characterId));

    public static JsonElement ChannelChange(string ipAddress, ushort port) =>
        Build(w =>
        {
            w.WriteString("ipAddress", ipAddress);
            w.WriteNumber("port", port);
        });

    /// <summary>True when <paramref name="parameters"/> is the login shape with a non-zero character id.</summary>
    public static bool TryReadLogin(JsonElement parameters, out uint characterId)
    {
        characterId = 0;
        return TryFind(parameters, "characterId", out var value) &&
               value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out characterId) && characterId > 0;
    }

    /// <summary>True when <paramref name="parameters"/> is the channel-change shape with a non-empty address.</summary>
    public static bool TryReadChannelChange(JsonElement parameters, out string ipAddress, out ushort port)
    {
        ipAddress = "";
        port = 0;
        if (!TryFind(parameters, "ipAddress", out var address) || address.ValueKind != JsonValueKind.String)
            return false;
        if (TryFind(parameters, "port", out var portValue) &&
            (portValue.ValueKind != JsonValueKind.Number || !portValue.TryGetUInt16(out port)))
            return false;

        ipAddress = address.GetString() ?? "";
        return ipAddress.Length > 0;
    }

    private static bool TryFind(JsonElement parameters, string name, out JsonElement value)
    {
        value = default;
        if (parameters.ValueKind != JsonValueKind.Object)
            return false;

        var found = false;
        foreach (var property in parameters.EnumerateObject())
        {
            // Go matches keys case-insensitively; the last match wins.
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    private static JsonElement Build(Action<Utf8JsonWriter> writeProperties, bool writeNull = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (writeNull)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStartObject();
                writeProperties(writer);
                writer.WriteEndObject();
            }
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

internal static class AccountContracts
{
    public static void Register(ContractCatalogBuilder catalog)
    {
        catalog.Typed(Topics.EventAccountStatus, MessageDirection.Consumed, MessageKey.Of("account_id"), discriminator: "status")
            .Add<AccountStatusEvent>(AccountStatuses.Created)
            .Add<AccountStatusEvent>(AccountStatuses.LoggedIn)
            .Add<AccountStatusEvent>(AccountStatuses.LoggedOut)
            .Add<AccountStatusEvent>(AccountStatuses.Deleted);

        catalog.Typed(Topics.EventAccountSessionStatus, MessageDirection.Consumed, MessageKey.Of("accountId"))
            .Add<AccountSessionStatusEvent<AccountSessionStateChangedBody>>(AccountSessionStatusTypes.StateChanged)
            .Add<AccountSessionStatusEvent<AccountSessionErrorBody>>(AccountSessionStatusTypes.Error);

        catalog.Typed(Topics.CommandAccountSession, MessageDirection.Produced, MessageKey.Of("accountId"))
            .Add<AccountSessionCommand<AccountSessionProgressStateBody>>(AccountSessionCommandTypes.ProgressState)
            .Add<AccountSessionCommand<EmptyBody>>(AccountSessionCommandTypes.Logout);
    }
}
