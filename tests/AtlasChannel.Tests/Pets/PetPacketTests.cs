using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Pets;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;

namespace AtlasChannel.Tests.Pets;

/// <summary>The pet writers against pet.md's vectors, through the v83 template (opcode included).</summary>
public sealed class PetPacketTests
{
    // pet.md §1 / §5.4: owner 1000017, index 0, template 5000017 "Kitty", SN 5000123, x 100, y 200, stance 0, fh 15.
    internal const string SpecSpawn = "A8 00 51 42 0F 00 00 01 01 51 4B 4C 00 05 00 4B 69 74 74 79 BB 4B 4C 00 00 00 00 00 64 00 C8 00 00 0F 00 00 00";
    internal const string SpecExcludes = "AD 00 51 42 0F 00 00 BB 4B 4C 00 00 00 00 00 02 80 84 1E 00 00 09 3D 00";

    internal static readonly CharacterPet SpecPet = new(7, 5000123, 5000017, "Kitty", 5, 120, 100, 0, 100, 200, 0, 15);

    private static string Sent<T>(string writer, T state, AtlasChannel.Packets.PacketBody<T> body)
    {
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        Assert.True(session.Send(writer, state, body));
        return Hex.Of(Assert.Single(TestSessions.Drain(session)));
    }

    [Fact]
    public void PetActivated_spawn_reproduces_the_spec_vector()
    {
        Assert.Equal(Hex.Normal(SpecSpawn), Sent(PetPackets.ActivatedWriter, new PetSpawn(1000017, SpecPet), PetPackets.Spawn));
    }

    [Fact]
    public void PetActivated_carries_the_pet_index_of_the_slot()
    {
        var bytes = Sent(PetPackets.ActivatedWriter, new PetSpawn(1000017, SpecPet with { Slot = 2 }), PetPackets.Spawn);
        Assert.Equal(Hex.Normal("A8 00 51 42 0F 00 02 01 01"), bytes[..18]);
    }

    [Fact]
    public void PetExcludeResponse_reproduces_the_spec_vector()
    {
        var excludes = new PetExcludes(1000017, 0, 5000123, [2000000, 4000000]);
        Assert.Equal(Hex.Normal(SpecExcludes), Sent(PetPackets.ExcludeResponseWriter, excludes, PetPackets.ExcludeResponse));
    }

    [Fact]
    public void PetExcludeResponse_with_no_items_and_with_more_than_a_byte_can_count()
    {
        Assert.Equal(Hex.Normal("AD 00 51 42 0F 00 01 BB 4B 4C 00 00 00 00 00 00"),
            Sent(PetPackets.ExcludeResponseWriter, new PetExcludes(1000017, 1, 5000123, []), PetPackets.ExcludeResponse));

        using var writer = new PacketWriter();
        PetPackets.WriteExcludeResponse(writer, new PetExcludes(1, 0, 2, [.. Enumerable.Range(1, 300).Select(i => (uint)i)]));
        var bytes = writer.ToArray();
        Assert.Equal(4 + 1 + 8 + 1 + (255 * 4), bytes.Length);
        Assert.Equal(0xFF, bytes[13]);
        Assert.Equal(Hex.Normal("FF 00 00 00"), Hex.Of(bytes.AsSpan()[^4..]));
    }
}
