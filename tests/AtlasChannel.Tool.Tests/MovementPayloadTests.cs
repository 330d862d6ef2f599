using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tool.Bot;

namespace AtlasChannel.Tool.Tests;

public class MovementPayloadTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);

    [Fact]
    public void Walk_is_fieldKey_crc_path_with_one_normal_fragment_and_the_trailer()
    {
        var payload = MovementPayloads.Walk(V83, new Position(100, 200), new Position(110, 200), 50, 0x1234, 12, 150);
        // field.md §7.1: fieldKey 1, crc; common.md §6: start (100, 200), 1 fragment: NORMAL (110, 200) v(50, seq) fh 12,
        // stance 2 (walk right), 150 ms; then the 9-byte trailer the server strips.
        Assert.Equal(
            "01" + "78563412" + "6400C800" + "01" + "00" + "6E00C800" + "3200" + "3412" + "0C00" + "02" + "9600" + "00" + "0000000000000000",
            Convert.ToHexString(payload));
    }

    [Fact]
    public void Walking_left_uses_the_left_facing_stance()
    {
        var payload = MovementPayloads.Walk(V83, new Position(0, 0), new Position(-10, 0), -50, 1, 0, 100);
        Assert.Equal(MovementPayloads.WalkLeft, payload[5 + 4 + 1 + 11]);
    }

    [Fact]
    public void Chat_general_v83_matches_the_spec_example()
    {
        // chat-social.md §1.1: "hello" = 05 00 68 65 6C 6C 6F 00.
        Assert.Equal("050068656C6C6F00", Convert.ToHexString(MovementPayloads.ChatGeneral(V83, "hello")));
    }

    [Fact]
    public void Chat_general_v87_starts_with_update_time()
    {
        var payload = MovementPayloads.ChatGeneral(new ClientVersion("GMS", 87, 1), "hi", onlyBalloon: true);
        Assert.Equal(4 + 2 + 2 + 1, payload.Length);
        Assert.Equal("0200686901", Convert.ToHexString(payload.AsSpan(4)));
    }

    [Fact]
    public void A_relayed_movement_yields_the_mover_and_the_sequence()
    {
        var walk = MovementPayloads.Walk(V83, new Position(0, 0), new Position(25, 0), 125, 4242, 0, 200);
        // CharacterMovement: opcode 0xB9, character 1000, the path without fieldKey/crc and trailer.
        var body = Convert.FromHexString("B900" + "E8030000" + Convert.ToHexString(walk.AsSpan(5, walk.Length - 5 - 9)));
        Assert.True(MovementPayloads.TryReadRelay(V83, body, out var mover, out var sequence));
        Assert.Equal(1000, mover);
        Assert.Equal(4242, sequence);
        Assert.False(MovementPayloads.TryReadRelay(V83, body.AsSpan(0, 10), out _, out _));
    }

    [Fact]
    public void The_walker_turns_at_the_edge_of_its_range()
    {
        var walker = new MovementWalker(new Position(0, 50), range: 30, speed: 100);
        var xs = Enumerable.Range(0, 8).Select(i => { walker.Step(V83, (ushort)i, 100); return walker.Position.X; }).ToList();
        Assert.Equal(new short[] { 10, 20, 30, 20, 10, 0, -10, -20 }, xs);
        Assert.Equal(50, walker.Position.Y);
    }
}
