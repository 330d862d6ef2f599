using AtlasChannel.Packets;
using AtlasChannel.Sessions;

namespace AtlasChannel.Tests.Sessions;

public sealed class FanoutTests
{
    [Fact]
    public void One_shared_packet_reaches_the_open_recipients_and_holds_exactly_their_references()
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var mover = TestSessions.Create(server);
        var first = TestSessions.Create(server);
        var second = TestSessions.Create(server);
        var closed = TestSessions.Create(server);
        closed.Close("test");
        var full = TestSessions.Create(server, capacity: 1);
        Assert.True(full.Send("ChannelChange", 0, Marker));

        var sent = Fanout.SendTo([mover, first, closed, full, second], "ChannelChange", 42, Marker, except: mover);

        Assert.Equal(2, sent);
        Assert.True(full.IsClosed, "a recipient that is not reading is closed, the others still get the packet");
        Assert.True(mover.Outbound.IsEmpty);
        Assert.True(closed.Outbound.IsEmpty);
        Assert.True(first.Outbound.TryRead(out var toFirst));
        Assert.True(second.Outbound.TryRead(out var toSecond));
        Assert.Same(toFirst, toSecond);
        Assert.Equal(2, toFirst.References); // the encoder's own and the unused ones were handed back
        Assert.Equal(Convert.FromHexString("10002A000000"), toFirst.Body.ToArray());
        toFirst.Release();
        Assert.Equal(1, toSecond.References);
        toSecond.Release();
    }

    [Fact]
    public void A_packet_for_several_gms_recipients_carries_its_shanda_form_and_a_single_send_does_not()
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var first = TestSessions.Create(server);
        var second = TestSessions.Create(server);

        Fanout.SendTo([first, second], "ChannelChange", 42, Marker);
        Assert.True(first.Outbound.TryRead(out var shared));
        Assert.True(shared.HasShandaBody);
        var expected = shared.Body.ToArray();
        Protocol.Crypto.Shanda.Encrypt(expected);
        Assert.Equal(expected, shared.ShandaBody.ToArray());

        Assert.True(first.Send("ChannelChange", 7, Marker));
        Assert.True(first.Outbound.TryRead(out var single));
        Assert.False(single.HasShandaBody); // one recipient: its writer runs Shanda itself, no extra copy
        Assert.True(single.ShandaBody.IsEmpty);
        shared.Release();
        single.Release();
        Assert.True(second.Outbound.TryRead(out var last));
        last.Release(); // back to the pool; a packet reused from it starts without a Shanda form

        var reused = SharedPacket.Create([1, 2, 3], "ChannelChange", 0x10);
        Assert.False(reused.HasShandaBody);
        reused.Release();
    }

    private static void Marker(Protocol.Packets.PacketWriter writer, in WriterContext context, int value) => writer.WriteInt32(value);
}
