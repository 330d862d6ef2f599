using System.Text.Json;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Tool.Cli;

namespace AtlasChannel.Tool.Crypto;

/// <summary>Which side built (or will read) a packet: <c>s2c</c> as the server sends, <c>c2s</c> as a client sends.</summary>
internal enum PacketDirection
{
    ServerToClient,
    ClientToServer,
}

/// <summary>One line of <c>crypto batch</c>, validated.</summary>
internal sealed record CryptoRequest(string Op, ClientVersion Version, PacketDirection Direction, MapleIv Iv, byte[]? Data, byte[]? Header, byte[]? Body)
{
    public static CryptoRequest Parse(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object)
            throw new FormatException("each line must be a JSON object");
        var op = String(line, "op") ?? throw new FormatException("missing \"op\"");
        var region = String(line, "region") ?? throw new FormatException("missing \"region\"");
        var major = UInt16(line, "major") ?? throw new FormatException("missing \"major\"");
        var minor = UInt16(line, "minor") ?? 1;
        var direction = ParseDirection(String(line, "direction") ?? throw new FormatException("missing \"direction\""));
        var iv = MapleIv.Parse(String(line, "iv") ?? throw new FormatException("missing \"iv\""));
        var version = new ClientVersion(region, major, minor);
        return op switch
        {
            "encrypt" => new CryptoRequest(op, version, direction, iv, Hex(line, "data"), null, null),
            "decrypt" => new CryptoRequest(op, version, direction, iv, null, ReadHeader(line), Hex(line, "body")),
            _ => throw new FormatException($"unknown op '{op}' (encrypt or decrypt)"),
        };
    }

    public static PacketDirection ParseDirection(string text) => text switch
    {
        "s2c" => PacketDirection.ServerToClient,
        "c2s" => PacketDirection.ClientToServer,
        _ => throw new FormatException($"direction must be s2c or c2s, not '{text}'"),
    };

    private static byte[] ReadHeader(JsonElement line)
    {
        var header = Hex(line, "header");
        return header.Length == PacketHeader.Length ? header : throw new FormatException("header must be 4 bytes (8 hex digits)");
    }

    private static byte[] Hex(JsonElement line, string name) =>
        HexText.Parse(String(line, name) ?? throw new FormatException($"missing \"{name}\""));

    private static string? String(JsonElement line, string name) =>
        !line.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"\"{name}\" must be a string");

    private static ushort? UInt16(JsonElement line, string name) =>
        !line.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetUInt16(out var number) ? number
        : throw new FormatException($"\"{name}\" must be a number in 0..65535");
}
