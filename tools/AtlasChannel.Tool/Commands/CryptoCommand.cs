using System.Text;
using System.Text.Json;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Tool.Cli;
using AtlasChannel.Tool.Crypto;

namespace AtlasChannel.Tool.Commands;

/// <summary><c>crypto batch|encrypt|decrypt</c>: packet crypto with explicit IVs.</summary>
internal sealed class CryptoCommand : IToolCommand
{
    public string Name => "crypto";

    public string Usage => """
          crypto batch
              JSON lines on stdin, one JSON line out per line (same order); bad lines give {"error":"…"}.
              {"op":"encrypt","region":"GMS","major":83,"direction":"s2c|c2s","iv":"<8 hex>","data":"<hex>"}
                -> {"header":"<8 hex>","body":"<hex>","ivAfter":"<8 hex>"}
              {"op":"decrypt","region":"GMS","major":83,"direction":"s2c|c2s","iv":"<8 hex>","header":"<8 hex>","body":"<hex>"}
                -> {"data":"<hex>","ivAfter":"<8 hex>","headerValid":true|false,"length":N}
          crypto encrypt --version GMS/83/1 --direction s2c|c2s --iv <8 hex> <body hex>
          crypto decrypt --version GMS/83/1 --direction s2c|c2s --iv <8 hex> <header+body hex>
        """;

    public async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var mode = args.Length > 0 ? args.Span[0] : throw new UsageException("crypto needs batch, encrypt or decrypt");
        return mode switch
        {
            "batch" => await RunBatchAsync(stdin, stdout, cancellationToken),
            "encrypt" => await RunSingleAsync(args[1..], encrypt: true, stdout),
            "decrypt" => await RunSingleAsync(args[1..], encrypt: false, stdout),
            _ => throw new UsageException($"unknown crypto mode '{mode}'"),
        };
    }

    public static string ProcessLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var request = CryptoRequest.Parse(document.RootElement);
            return request.Op == "encrypt" ? EncryptLine(request) : DecryptLine(request);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return JsonLine.Write(w => w.WriteString("error", ex.Message));
        }
    }

    private static async Task<int> RunBatchAsync(TextReader stdin, TextWriter stdout, CancellationToken cancellationToken)
    {
        while (await stdin.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            await stdout.WriteLineAsync(ProcessLine(line));
            await stdout.FlushAsync(cancellationToken);
        }

        return 0;
    }

    private static string EncryptLine(CryptoRequest request)
    {
        var result = CryptoOperations.Encrypt(request.Version, request.Direction, request.Iv, request.Data);
        return JsonLine.Write(w =>
        {
            w.WriteString("header", HexText.Format(result.Header));
            w.WriteString("body", HexText.Format(result.Body));
            w.WriteString("ivAfter", result.IvAfter.ToHex());
        });
    }

    private static string DecryptLine(CryptoRequest request)
    {
        var result = CryptoOperations.Decrypt(request.Version, request.Direction, request.Iv, request.Header, request.Body);
        return JsonLine.Write(w =>
        {
            w.WriteString("data", HexText.Format(result.Data));
            w.WriteString("ivAfter", result.IvAfter.ToHex());
            w.WriteBoolean("headerValid", result.HeaderValid);
            w.WriteNumber("length", result.Length);
        });
    }

    private static async Task<int> RunSingleAsync(ReadOnlyMemory<string> args, bool encrypt, TextWriter stdout)
    {
        var parsed = Arguments.Parse(args.Span);
        var version = ClientVersion.TryParse(parsed.Required("version"), out var v) ? v : throw new UsageException("--version: expected e.g. GMS/83/1");
        PacketDirection direction;
        MapleIv iv;
        byte[] bytes;
        try
        {
            direction = CryptoRequest.ParseDirection(parsed.Required("direction"));
            iv = MapleIv.Parse(parsed.Required("iv"));
            bytes = HexText.Parse(string.Concat(parsed.Positional));
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        parsed.RejectUnknown();
        var text = new StringBuilder();
        if (encrypt)
        {
            var result = CryptoOperations.Encrypt(version, direction, iv, bytes);
            text.Append("header  ").AppendLine(HexText.Format(result.Header))
                .Append("body    ").AppendLine(HexText.Format(result.Body))
                .Append("wire    ").Append(HexText.Format(result.Header)).AppendLine(HexText.Format(result.Body))
                .Append("ivAfter ").AppendLine(result.IvAfter.ToHex());
        }
        else
        {
            if (bytes.Length < PacketHeader.Length)
                throw new UsageException("decrypt needs the 4 header bytes followed by the body");
            var result = CryptoOperations.Decrypt(version, direction, iv, bytes.AsSpan(0, 4), bytes.AsSpan(4));
            text.Append("headerValid ").AppendLine(result.HeaderValid ? "true" : "false")
                .Append("length      ").Append(result.Length).Append(result.Length == bytes.Length - 4 ? string.Empty : $" (but {bytes.Length - 4} body bytes given)").AppendLine()
                .Append("data        ").AppendLine(HexText.Format(result.Data))
                .Append("ivAfter     ").AppendLine(result.IvAfter.ToHex());
        }

        await stdout.WriteAsync(text.ToString());
        return 0;
    }
}
