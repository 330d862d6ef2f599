using System.Text.Json;
using AtlasChannel.Sandbox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AtlasChannel.Sandbox.Rest;

/// <summary>ACCOUNTS (accounts.md). <c>loggedIn</c> reflects the account service's live session state.</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxData data)
    {
        api.MapGet("accounts", context => Http.Json(context, JsonApi.Collection(data.Accounts.All(), "accounts", a => Http.Text(a.Id), (w, a) => Write(w, a, data))));

        api.MapGet("accounts/{id}", context =>
        {
            if (!Http.TryRoute(context, "id", out uint id))
                return Http.Empty(context, StatusCodes.Status400BadRequest);
            return data.Accounts.TryGet(id, out var account)
                ? Http.Json(context, JsonApi.Single("accounts", Http.Text(id), w => Write(w, account, data)))
                : Http.Empty(context, StatusCodes.Status404NotFound);
        });
    }

    private static void Write(Utf8JsonWriter w, AccountInfo account, SandboxData data)
    {
        w.WriteString("name", account.Name);
        w.WriteString("pin", "");
        w.WriteString("pic", "");
        w.WriteNumber("pinAttempts", 0);
        w.WriteNumber("picAttempts", 0);
        w.WriteNumber("loggedIn", data.Sessions.StateOf(account.Id));
        w.WriteNumber("lastLogin", 0);
        w.WriteNumber("gender", account.Gender);
        w.WriteBoolean("tos", true);
        w.WriteString("language", "en");
        w.WriteString("country", "us");
        w.WriteNumber("characterSlots", 4);
    }
}
