using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace AtlasChannel.Networking;

/// <summary>Where a session's write loop puts encrypted bytes: a contiguous span to fill, then one flush per batch.</summary>
internal interface IOutboundWire
{
    Span<byte> GetSpan(int length);

    void Advance(int length);

    /// <summary>Sends everything advanced so far; false when the connection is gone.</summary>
    ValueTask<bool> FlushAsync(CancellationToken cancellationToken = default);
}

internal static class OutboundWire
{
    /// <summary>
    /// The connection's socket when Kestrel's socket transport exposes it, else its output pipe. Writing to the socket
    /// from the write loop skips Kestrel's second pipe and the hop to its sender thread: on a loopback or VM network
    /// the per-send overhead, not the bytes, is what a crowded map costs.
    /// </summary>
    public static IOutboundWire For(ConnectionContext connection) =>
        connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket
            ? new SocketWire(socket)
            : new PipeWire(connection.Transport.Output);
}

internal sealed class PipeWire(PipeWriter output) : IOutboundWire
{
    public Span<byte> GetSpan(int length) => output.GetSpan(length)[..length];

    public void Advance(int length) => output.Advance(length);

    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        var flush = await output.FlushAsync(cancellationToken);
        return !flush.IsCompleted && !flush.IsCanceled;
    }
}

/// <summary>Batches into one pooled buffer (held only while there is something to send) and sends it on the socket.</summary>
internal sealed class SocketWire(Socket socket) : IOutboundWire
{
    private const int InitialCapacity = 16 * 1024;
    private byte[]? _buffer;
    private int _used;

    public Span<byte> GetSpan(int length)
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(InitialCapacity, length));
        }
        else if (_buffer.Length - _used < length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + length));
            _buffer.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_used, length);
    }

    public void Advance(int length) => _used += length;

    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_buffer is null)
            return true;
        try
        {
            var sent = 0;
            while (sent < _used)
            {
                var count = await socket.SendAsync(_buffer.AsMemory(sent, _used - sent), SocketFlags.None, cancellationToken);
                if (count == 0)
                    return false;
                sent += count;
            }

            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false; // reset or aborted: the read side reports why
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _used = 0;
        }
    }
}
