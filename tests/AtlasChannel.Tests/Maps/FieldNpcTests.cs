using AtlasChannel.Features.Maps;
using AtlasChannel.Tests.Sessions;

namespace AtlasChannel.Tests.Maps;

public class FieldNpcTests
{
    private static readonly FieldNpc Example = new(1000001, 9010000, 100, 200, FacesLeft: true, Foothold: 15, Rx0: 50, Rx1: 150);

    [Fact]
    public void SpawnNpc_and_controller_grant_match_the_spec_examples()
    {
        // npc-quest.md §1 and §2 (v83 0x101 / 0x103): oid 1000001, npc 9010000, x 100, cy 200, f=1, fh 15, rx 50..150.
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        session.Send(FieldNpcs.SpawnWriter, Example, static (w, in _, n) => FieldNpcs.WriteSpawn(w, n));
        session.Send(FieldNpcs.ControllerWriter, Example, static (w, in ctx, n) => FieldNpcs.WriteControlGrant(w, ctx.Binding, n));
        var sent = TestSessions.Drain(session);
        Assert.Equal(Hex.Normal("01 01 41 42 0F 00 50 7B 89 00 64 00 C8 00 00 0F 00 32 00 96 00 01"), Convert.ToHexString(sent[0]));
        Assert.Equal(Hex.Normal("03 01 01 41 42 0F 00 50 7B 89 00 64 00 C8 00 00 0F 00 32 00 96 00 01"), Convert.ToHexString(sent[1]));
    }

    [Fact]
    public void Map_npc_placements_parse_from_the_data_example()
    {
        var npcs = FieldNpcs.Parse(File.ReadAllBytes(AtlasChannel.Testing.SpecFiles.Path("rest", "examples", "data.map-npcs.json")));
        var npc = Assert.Single(npcs);
        Assert.Equal(new FieldNpc(1000, 1012000, 1800, 334, FacesLeft: false, Foothold: 70, Rx0: 1745, Rx1: 1855), npc);
    }

    [Fact]
    public void Hidden_npcs_are_not_spawned()
    {
        var body = """{"data":[{"type":"npcs","id":"7","attributes":{"template":9000000,"x":1,"cy":2,"f":1,"fh":3,"rx0":0,"rx1":4,"hide":true}}]}"""u8;
        Assert.Empty(FieldNpcs.Parse(body));
    }

    private static class Hex
    {
        public static string Normal(string spaced) => spaced.Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
