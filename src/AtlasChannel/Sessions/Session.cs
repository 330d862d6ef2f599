using AtlasChannel.Messaging;
using Microsoft.Extensions.Logging;
using AtlasChannel.Packets;
using AtlasChannel.Tenancy;

namespace AtlasChannel.Sessions;

/// <summary>
/// One client connection on one channel server: identity, what it is bound to (account, character, field), and a
/// bounded outbound queue that the connection's writer drains and encrypts in order. Handlers and Kafka event
/// handlers may call <see cref="Send{TState}"/> from any thread.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The close signal is a plain CancellationTokenSource (no timer, no wait handle); handlers and events may still read Closed after the connection ends, so it is never disposed.")]
public sealed partial class Session
{
    private readonly ILogger _logger;
    private readonly OutboundQueue _outbound;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closed = new();
    private ISessionTransport? _transport;
    private IOutboundSignal? _signal;
    private Networking.OutboundRoute? _route;
    private long _lastPacketTicks;
    private string? _closeReason;
    private volatile bool _isClosed; // read on every send; a plain field, not the token's state

    public Session(Guid id, ChannelServer server, PacketEncoder encoder, int outboundCapacity, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(clock);
        Id = id;
        Server = server;
        Encoder = encoder;
        Clock = clock;
        OutboundCapacity = outboundCapacity;
        _outbound = new OutboundQueue(outboundCapacity);
        _lastPacketTicks = clock.GetUtcNow().UtcTicks;
        Map = new MapKey(server.Tenant.Id, server.WorldId, server.ChannelId, 0, Guid.Empty);
    }

    public Guid Id { get; }

    public ChannelServer Server { get; }

    public Tenant Tenant => Server.Tenant;

    public PacketEncoder Encoder { get; }

    public TimeProvider Clock { get; }

    public int OutboundCapacity { get; }

    public SessionPhase Phase { get; private set; } = SessionPhase.Anonymous;

    /// <summary>0 until the account service approved the login.</summary>
    public int AccountId { get; private set; }

    /// <summary>0 until the account service approved the login.</summary>
    public int CharacterId { get; private set; }

    public string CharacterName { get; private set; } = string.Empty;

    public bool IsGm { get; private set; }

    /// <summary>The character the client asked to log in as, while approval is pending.</summary>
    public int PendingCharacterId { get; private set; }

    public int PendingAccountId { get; private set; }

    public MapKey Map { get; private set; }

    /// <summary>The character as loaded at login (appearance, stats, inventory); features refresh it as events arrive.</summary>
    public Features.Characters.CharacterSnapshot? Character { get; set; }

    /// <summary>Last known position in the map (from login, then from movement).</summary>
    public Protocol.Packets.Position Position { get; private set; }

    public byte Stance { get; private set; }

    public short Foothold { get; private set; }

    /// <summary>Records where the character stands now (movement, warps).</summary>
    public void UpdatePosition(Protocol.Packets.Position position, byte stance, short foothold)
    {
        lock (_gate)
        {
            Position = position;
            Stance = stance;
            Foothold = foothold;
        }
    }

    public DateTimeOffset LastPacketAt => new(Interlocked.Read(ref _lastPacketTicks), TimeSpan.Zero);

    public bool IsClosed => _isClosed;

    /// <summary>Cancelled when the session is destroyed.</summary>
    public CancellationToken Closed => _closed.Token;

    public string? CloseReason => _closeReason;

    public string RemoteEndPoint => _transport?.RemoteEndPoint ?? "?";

    internal OutboundQueue Outbound => _outbound;

    internal void Attach(ISessionTransport transport) => _transport = transport;

    /// <summary>Connects the queue to whatever sends it; told of packets already queued, then of every new one.</summary>
    internal void AttachWriter(IOutboundSignal signal, Networking.OutboundRoute? route = null)
    {
        // A full fence between publishing the signal and looking at the queue: a packet queued concurrently is
        // either seen here or sees the signal (the queue's enqueue is itself a full fence).
        Interlocked.Exchange(ref _signal, signal);
        // After the signal: a fan-out that sees the route posts behind whatever this thread's earlier sends queued.
        Volatile.Write(ref _route, route);
        if (!_outbound.IsEmpty || IsClosed)
            signal.PacketsQueued();
    }

    public void TouchLastPacket() => Interlocked.Exchange(ref _lastPacketTicks, Clock.GetUtcNow().UtcTicks);

    /// <summary>Records the pending login (character named by the client, account from the character record).</summary>
    public bool TryBeginLogin(int characterId, int accountId)
    {
        lock (_gate)
        {
            if (Phase != SessionPhase.Anonymous)
                return false;
            Phase = SessionPhase.AwaitingLoginApproval;
            PendingCharacterId = characterId;
            PendingAccountId = accountId;
            return true;
        }
    }

    /// <summary>Binds the approved account and character and places the session in its map.</summary>
    internal bool TryEnterField(int accountId, int characterId, string characterName, bool gm, uint mapId)
    {
        lock (_gate)
        {
            if (Phase != SessionPhase.AwaitingLoginApproval || characterId != PendingCharacterId)
                return false;
            Phase = SessionPhase.InField;
            AccountId = accountId;
            CharacterId = characterId;
            CharacterName = characterName;
            IsGm = gm;
            Map = Map with { MapId = mapId, Instance = Guid.Empty };
            return true;
        }
    }

    internal void SetMap(uint mapId, Guid instance)
    {
        lock (_gate)
            Map = Map with { MapId = mapId, Instance = instance };
    }

    public bool TryBeginMigration()
    {
        lock (_gate)
        {
            if (Phase != SessionPhase.InField)
                return false;
            Phase = SessionPhase.Migrating;
            return true;
        }
    }

    /// <summary>Returns to the field after a migration that will not happen (e.g. the target channel is unknown).</summary>
    public void CancelMigration()
    {
        lock (_gate)
        {
            if (Phase == SessionPhase.Migrating)
                Phase = SessionPhase.InField;
        }
    }

    /// <summary>
    /// Encodes and queues a packet. Returns false (and logs nothing itself) when the tenant has no such writer or the
    /// session is closed; a full queue closes the session: the client is not reading.
    /// </summary>
    public bool Send<TState>(string writerName, TState state, PacketBody<TState> body)
    {
        if (IsClosed)
            return false;
        var packet = Encoder.Encode(writerName, state, body);
        if (packet is null)
        {
            LogWriterMissing(_logger, writerName, Server.Version.ToString(), Id);
            return false;
        }

        return EnqueueOwned(packet); // the encoder's reference becomes the queue's
    }

    /// <summary>Like <see cref="Send{TState}"/> for packet code that writes its own opcode from the tenant table.</summary>
    public bool SendWhole<TState>(string writerName, TState state, Action<Protocol.Packets.PacketWriter, Protocol.Opcodes.OpcodeTable, TState> write)
    {
        if (IsClosed)
            return false;
        var packet = Encoder.EncodeWhole(writerName, state, write);
        if (packet is null)
        {
            LogWriterMissing(_logger, writerName, Server.Version.ToString(), Id);
            return false;
        }

        return EnqueueOwned(packet); // the encoder's reference becomes the queue's
    }

    /// <summary>
    /// Queues a packet with a reference the caller already took for this session; consumed either way. Once a writer is
    /// attached the packet goes to it (its thread enforces <see cref="OutboundCapacity"/> and closes a session whose
    /// client stopped reading); before that it waits in the session's own bounded queue.
    /// </summary>
    internal bool EnqueueOwned(SharedPacket packet)
    {
        if (IsClosed)
        {
            packet.Release();
            return false;
        }

        if (Volatile.Read(ref _signal) is { } signal)
        {
            signal.Post(packet);
            return true;
        }

        if (_outbound.TryWrite(packet))
        {
            Volatile.Read(ref _signal)?.PacketsQueued(); // a writer attached meanwhile may not have seen this packet
            return true;
        }

        packet.Release();
        if (!IsClosed) // the queue is completed only after the session is marked closed, so this means it is full
            Close($"outbound queue full ({OutboundCapacity} packets): the client is not reading");
        return false;
    }

    /// <summary>What sends this session's packets, once attached.</summary>
    internal IOutboundSignal? Writer => Volatile.Read(ref _signal);

    /// <summary>The flusher writer and thread behind <see cref="Writer"/>, when it is one (fan-outs group recipients by it).</summary>
    internal Networking.OutboundRoute? Route => Volatile.Read(ref _route);

    /// <summary>Destroys the session: the connection is aborted, queued packets are dropped. Idempotent.</summary>
    public void Close(string reason)
    {
        lock (_gate)
        {
            if (Phase == SessionPhase.Closed)
                return;
            Phase = SessionPhase.Closed;
            _closeReason = reason;
            _isClosed = true;
        }

        _outbound.Complete();
        _closed.Cancel();
        _transport?.Abort(reason);
        Volatile.Read(ref _signal)?.PacketsQueued(); // lets the writer drop what is still queued
    }

    /// <summary>Releases packets still queued after the session closed.</summary>
    internal void DrainOutbound()
    {
        while (_outbound.TryRead(out var dropped))
            dropped.Release();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writer {Writer} is not configured for tenant version {Version}; packet to session {SessionId} not sent")]
    private static partial void LogWriterMissing(ILogger logger, string writer, string version, Guid sessionId);

    public override string ToString() =>
        CharacterId != 0 ? $"session {Id} (character {CharacterId}, account {AccountId})" : $"session {Id}";
}
