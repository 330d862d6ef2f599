using System.IO.Pipelines;

namespace AtlasChannel.Protocol.Framing;

/// <summary>How a frame loop ended.</summary>
public readonly record struct FrameLoopResult(FrameError Error, string Reason)
{
    public bool EndedCleanly => Error == FrameError.None;
}

/// <summary>Runs a <see cref="FrameDecoder"/> over a <see cref="PipeReader"/>, handing each body to a callback in order.</summary>
public static class FrameReader
{
    /// <summary>
    /// Reads frames until the peer completes the pipe, cancellation, or a framing error. Each body is handled (and
    /// awaited) before the next is decoded, so a session's packets never overlap.
    /// </summary>
    public static async ValueTask<FrameLoopResult> ReadAllAsync(
        PipeReader input,
        FrameDecoder decoder,
        Func<ReadOnlyMemory<byte>, ValueTask> onFrame,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(onFrame);
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return new FrameLoopResult(FrameError.None, "cancelled");
            }

            var buffer = read.Buffer;
            var error = FrameError.None;
            try
            {
                while (decoder.TryReadFrame(ref buffer, out var body, out error))
                    await onFrame(body);
            }
            finally
            {
                // Consumed up to the last whole frame; examined everything, so the next read waits for new bytes.
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (error != FrameError.None)
                return new FrameLoopResult(error, Describe(error, decoder));
            if (read.IsCompleted || read.IsCanceled)
                return new FrameLoopResult(FrameError.None, read.IsCanceled ? "cancelled" : "peer closed");
        }
    }

    private static string Describe(FrameError error, FrameDecoder decoder) => error switch
    {
        FrameError.InvalidHeader => "invalid packet header (wrong version key or desynchronised IV)",
        FrameError.TooLarge => $"packet length {decoder.LastAnnouncedLength} exceeds the maximum {decoder.MaxBodyLength}",
        FrameError.TooShort => $"packet length {decoder.LastAnnouncedLength} cannot hold an opcode",
        _ => error.ToString(),
    };
}
