using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace AtlasChannel.Networking;

/// <summary>Where a session's encrypted bytes go: a non-blocking try first, an awaited send for whatever did not fit.</summary>
internal interface IOutboundSink
{
    /// <summary>Takes as much of <paramref name="data"/> as the connection accepts without waiting: 0..Length bytes, or -1 when the connection is gone.</summary>
    int TrySend(ReadOnlySpan<byte> data);

    /// <summary>Sends all of <paramref name="data"/>, waiting for the connection to accept it; false when the connection is gone.</summary>
    ValueTask<bool> SendAllAsync(ReadOnlyMemory<byte> data);
}

internal static class OutboundSink
{
    /// <summary>
    /// The connection's socket when Kestrel's socket transport exposes it, else its output pipe. Writing to the socket
    /// from the flusher skips Kestrel's second pipe and the hop to its sender thread: on a loopback or VM network the
    /// per-send overhead, not the bytes, is what a crowded map costs.
    /// </summary>
    public static IOutboundSink For(ConnectionContext connection) =>
        connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket
            ? new SocketSink(socket)
            : new PipeSink(connection.Transport.Output);
}

/// <summary>Sends straight on the socket, switched to non-blocking so a try never parks the flusher thread.</summary>
internal sealed class SocketSink : IOutboundSink
{
    private readonly Socket _socket;

    public SocketSink(Socket socket)
    {
        _socket = socket;
        _socket.Blocking = false; // Kestrel only reads asynchronously, which works in either mode
    }

    /// <summary>The socket's handle, for a flusher that sends through io_uring.</summary>
    public System.Runtime.InteropServices.SafeHandle Handle => _socket.SafeHandle;

    public int TrySend(ReadOnlySpan<byte> data)
    {
        try
        {
            var sent = _socket.Send(data, SocketFlags.None, out var error);
            return error switch
            {
                SocketError.Success => sent,
                SocketError.WouldBlock => 0,
                _ => -1, // reset or aborted: the read side reports why
            };
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
    }

    public async ValueTask<bool> SendAllAsync(ReadOnlyMemory<byte> data)
    {
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None);
                if (sent == 0)
                    return false;
                data = data[sent..];
            }

            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}

/// <summary>Writes into a transport's output pipe (transports without a socket); a try takes nothing while an earlier flush is pending.</summary>
internal sealed class PipeSink(PipeWriter output) : IOutboundSink
{
    private Task<FlushResult>? _pending; // only when a flush did not complete at once (back-pressure)
    private bool _gone;

    public int TrySend(ReadOnlySpan<byte> data)
    {
        if (_pending is { IsCompleted: false })
            return 0;
        if (_pending is not null)
            Settle(_pending.Result);
        if (_gone)
            return -1;
        output.Write(data);
        Flush();
        return _gone ? -1 : data.Length;
    }

    public async ValueTask<bool> SendAllAsync(ReadOnlyMemory<byte> data)
    {
        if (_pending is not null)
            Settle(await _pending);
        if (_gone)
            return false;
        output.Write(data.Span);
        Flush();
        if (_pending is not null)
            Settle(await _pending);
        return !_gone;
    }

    private void Flush()
    {
        var flush = output.FlushAsync();
        if (flush.IsCompleted)
            Settle(flush.Result);
        else
            _pending = flush.AsTask();
    }

    private void Settle(FlushResult flush)
    {
        _pending = null;
        if (flush.IsCompleted || flush.IsCanceled)
            _gone = true;
    }
}
