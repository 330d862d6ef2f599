namespace AtlasChannel.Peers;

/// <summary>A REST peer call failed (transport, timeout, status or decode). Callers log and recover per spec.</summary>
public sealed class PeerException : Exception
{
    public PeerException()
    {
    }

    public PeerException(string message)
        : base(message)
    {
    }

    public PeerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PeerException(string token, string path, string message, int? status = null, Exception? innerException = null)
        : base($"{token} {path}: {message}", innerException)
    {
        Token = token;
        Path = path;
        Status = status;
    }

    public string? Token { get; }

    public string? Path { get; }

    public int? Status { get; }

    public bool IsNotFound => Status == 404;
}
