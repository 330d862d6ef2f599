using AtlasChannel.Features.Accounts;
using AtlasChannel.Handlers;
using AtlasChannel.Observability;
using AtlasChannel.Protocol.Packets;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Sessions;

public class PacketDispatcherTests
{
    private readonly AccountLoginRegistry _accounts = new();
    private readonly ChannelMetrics _metrics = new();

    [Fact]
    public async Task Routes_by_tenant_opcode_with_the_payload_after_the_opcode()
    {
        var handler = new RecordingHandler("CharacterLoggedInHandle");
        var (dispatcher, session) = Setup(handler);
        await dispatcher.DispatchAsync(session, Convert.FromHexString("140001000000"), CancellationToken.None);
        Assert.Equal("01000000", Convert.ToHexString(handler.Payloads.Single()));
        Assert.Equal("NoOpValidator", handler.Bindings.Single().Validator);
    }

    [Fact]
    public async Task Unknown_opcodes_are_counted_and_the_session_stays_open()
    {
        var (dispatcher, session) = Setup(new RecordingHandler("CharacterLoggedInHandle"));
        var before = _metrics.Unhandled;
        await dispatcher.DispatchAsync(session, Convert.FromHexString("FEFF00"), CancellationToken.None);
        Assert.Equal(before + 1, _metrics.Unhandled);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task Logged_in_validator_destroys_a_session_whose_account_is_not_logged_in()
    {
        var handler = new RecordingHandler("ChannelChangeHandle");
        var (dispatcher, session) = Setup(handler);
        await dispatcher.DispatchAsync(session, Convert.FromHexString("2700" + "01" + "10270000"), CancellationToken.None);
        Assert.True(session.IsClosed);
        Assert.Empty(handler.Payloads);
    }

    [Fact]
    public async Task A_throwing_handler_closes_only_its_session()
    {
        var (dispatcher, session) = Setup(new ThrowingHandler("CharacterLoggedInHandle", new InvalidOperationException("boom")));
        var bystander = TestSessions.Create(session.Server);
        await dispatcher.DispatchAsync(session, Convert.FromHexString("140001000000"), CancellationToken.None);
        Assert.True(session.IsClosed);
        Assert.False(bystander.IsClosed);
    }

    [Fact]
    public async Task A_malformed_packet_is_dropped_without_closing_the_session()
    {
        var (dispatcher, session) = Setup(new ThrowingHandler("CharacterLoggedInHandle", new PacketReadException(2, 4, 1)));
        await dispatcher.DispatchAsync(session, Convert.FromHexString("140001"), CancellationToken.None);
        Assert.False(session.IsClosed);
    }

    private (PacketDispatcher Dispatcher, AtlasChannel.Sessions.Session Session) Setup(IPacketHandler handler)
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var dispatcher = new PacketDispatcher(_accounts, _metrics, NullLogger<PacketDispatcher>.Instance);
        dispatcher.Register(server.Tenant.Id, HandlerTable.Build(server.Opcodes, [handler]));
        return (dispatcher, TestSessions.Create(server));
    }

    private sealed class RecordingHandler(string name) : IPacketHandler
    {
        public string Name => name;

        public List<byte[]> Payloads { get; } = [];

        public List<Protocol.Opcodes.HandlerBinding> Bindings { get; } = [];

        public ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
        {
            Payloads.Add(context.Payload.ToArray());
            Bindings.Add(context.Binding);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingHandler(string name, Exception exception) : IPacketHandler
    {
        public string Name => name;

        public ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken) => throw exception;
    }
}
