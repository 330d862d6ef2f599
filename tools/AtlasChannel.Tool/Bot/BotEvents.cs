using System.Diagnostics;
using AtlasChannel.Tool.Cli;

namespace AtlasChannel.Tool.Bot;

/// <summary>Writes the bot's JSON-line event stream (one object per line, "ms" since the bot started).</summary>
internal sealed class BotEvents(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public void Connected(string version) => Emit(w =>
    {
        w.WriteString("event", "connected");
        w.WriteString("version", version);
    });

    public void Received(ushort opcode, string name, int length) => Emit(w =>
    {
        w.WriteString("event", "received");
        w.WriteString("opcode", "0x" + opcode.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("name", name);
        w.WriteNumber("length", length);
    });

    public void Sent(string name, int length) => Emit(w =>
    {
        w.WriteString("event", "sent");
        w.WriteString("name", name);
        w.WriteNumber("length", length);
    });

    public void Closed(string by, string? reason = null) => Emit(w =>
    {
        w.WriteString("event", "closed");
        w.WriteString("by", by);
        if (reason is not null)
            w.WriteString("reason", reason);
    });

    public void Error(string message) => Emit(w =>
    {
        w.WriteString("event", "error");
        w.WriteString("message", message);
    });

    public void Emit(Action<System.Text.Json.Utf8JsonWriter> body)
    {
        var elapsed = _clock.ElapsedMilliseconds;
        var line = JsonLine.Write(w =>
        {
            w.WriteNumber("ms", elapsed);
            body(w);
        });
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
