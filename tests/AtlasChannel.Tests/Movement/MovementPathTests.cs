using AtlasChannel.Features.Movement;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Tests.Field;

namespace AtlasChannel.Tests.Movement;

public class MovementPathTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);

    // common.md §6.5 verbatim: start (100, 200), NORMAL, JUMP, FALL_DOWN.
    private const string SpecPath = """
        64 00 C8 00 03
        00 6E 00 C8 00 32 00 00 00 0C 00 04 96 00
        01 B0 FF 70 FE 06 5A 00
        0F 8C 00 04 01 00 00 2C 01 00 00 0C 00 06 78 00
        """;

    // What v83 CMovePath::Flush appends after the fragments; never part of the parsed path.
    private const string Trailer = "00 11 22 33 44 55 66 77 88";

    internal static MovementFormat V83Format()
    {
        var table = BundledTemplates.Load(V83);
        var binding = table.Handlers.Single(h => h.Handler == MovementPackets.MoveHandler);
        return MovementFormat.FromOptions(V83, binding.Options);
    }

    [Fact]
    public void The_v83_template_table_has_the_23_commands_of_the_spec()
    {
        var format = V83Format();
        Assert.Equal(23, format.CommandCount);
        MovementLayout[] expected =
        [
            MovementLayout.Normal, MovementLayout.Jump, MovementLayout.Jump, MovementLayout.Teleport, MovementLayout.Teleport,
            MovementLayout.Normal, MovementLayout.Jump, MovementLayout.Teleport, MovementLayout.Teleport, MovementLayout.Teleport,
            MovementLayout.StatChange, MovementLayout.Teleport, MovementLayout.Jump, MovementLayout.Jump, MovementLayout.StartFallDown,
            MovementLayout.NormalFallDown, MovementLayout.Jump, MovementLayout.Normal, MovementLayout.Jump, MovementLayout.Jump,
            MovementLayout.Jump, MovementLayout.Default, MovementLayout.Jump,
        ];
        Assert.Equal(expected, Enumerable.Range(0, 23).Select(c => format.LayoutOf((byte)c)));
        Assert.Equal(MovementLayout.Invalid, format.LayoutOf(23));
    }

    [Fact]
    public void Spec_example_parses_and_folds_to_the_last_normal_fragment()
    {
        var bytes = Hex.Bytes(SpecPath + Trailer);
        var parse = V83Format().Parse(bytes, foothold: 99);
        Assert.True(parse.Ok);
        Assert.Equal(3, parse.FragmentCount);
        Assert.Equal(Hex.Bytes(SpecPath).Length, parse.Length);
        Assert.Equal(new MovementSummary(140, 260, 6, 0), parse.Summary);
    }

    // One fragment after start (100, 200), foothold 99 before the move; expected fold and bytes incl. command.
    [Theory]
    [InlineData("00 6E 00 C8 00 32 00 00 00 0C 00 04 96 00", 14, 110, 200, 4, 12)] // NORMAL
    [InlineData("05 D2 FF 10 00 00 00 00 00 21 00 0B 0A 00", 14, -46, 16, 11, 33)] // HANG_ON_BACK (NORMAL)
    [InlineData("11 0A 00 14 00 01 00 02 00 03 00 07 0A 00", 14, 10, 20, 7, 3)] // WINGS (NORMAL)
    [InlineData("01 B0 FF 70 FE 06 5A 00", 8, 100, 200, 6, 99)] // JUMP: stance only
    [InlineData("02 10 00 F0 FF 08 20 00", 8, 100, 200, 8, 99)] // IMPACT (JUMP)
    [InlineData("04 2C 01 F4 01 07 00 03 64 00", 10, 100, 200, 3, 99)] // TELEPORT: stance only (x, y not folded)
    [InlineData("0B 2C 01 F4 01 07 00 14 64 00", 10, 100, 200, 20, 99)] // SIT_DOWN (TELEPORT)
    [InlineData("0A 01", 2, 100, 200, 0, 99)] // STAT_CHANGE: no tail, nothing folded
    [InlineData("0E 00 00 2C 01 0C 00 05 50 00", 10, 100, 200, 5, 99)] // START_FALL_DOWN: stance only
    [InlineData("0F 8C 00 04 01 00 00 2C 01 00 00 0C 00 06 78 00", 16, 140, 260, 6, 0)] // FALL_DOWN: NORMAL + fhFallStart
    [InlineData("15 02 1E 00", 4, 100, 200, 0, 99)] // DEFAULT: nothing folded
    public void Each_v83_fragment_layout_has_its_length_and_fold(string fragment, int fragmentLength, short x, short y, byte stance, short foothold)
    {
        var bytes = Hex.Bytes("64 00 C8 00 01" + fragment + Trailer);
        var parse = V83Format().Parse(bytes, foothold: 99);
        Assert.True(parse.Ok, parse.Error.ToString());
        Assert.Equal(5 + fragmentLength, parse.Length);
        Assert.Equal(new MovementSummary(x, y, stance, foothold), parse.Summary);
    }

    [Fact]
    public void Flying_block_is_12_bytes_and_folds_nothing()
    {
        var format = MovementFormat.FromOptions(new ClientVersion("GMS", 84, 1), Options("""[{"Name":"FLYING_BLOCK","Type":"FLYING_BLOCK"}]"""));
        var parse = format.Parse(Hex.Bytes("64 00 C8 00 01 00 2C 01 F4 01 0A 00 14 00 02 32 00" + Trailer), 99);
        Assert.True(parse.Ok);
        Assert.Equal(5 + 12, parse.Length);
        Assert.Equal(new MovementSummary(100, 200, 0, 99), parse.Summary);
    }

    [Fact]
    public void Gms_v95_header_has_start_velocity_and_normal_has_offsets()
    {
        var format = MovementFormat.FromOptions(new ClientVersion("GMS", 95, 1), Options("""[{"Name":"NORMAL","Type":"NORMAL"}]"""));
        // start (100, 200) v(5, 6); NORMAL (110, 200) v(50, 0) fh 12 offset (1, 2) stance 4 150 ms.
        var parse = format.Parse(Hex.Bytes("64 00 C8 00 05 00 06 00 01 00 6E 00 C8 00 32 00 00 00 0C 00 01 00 02 00 04 96 00"), 0);
        Assert.True(parse.Ok);
        Assert.Equal(9 + 18, parse.Length);
        Assert.Equal(new MovementSummary(110, 200, 4, 12), parse.Summary);
    }

    [Fact]
    public void Empty_path_keeps_the_start()
    {
        var parse = V83Format().Parse(Hex.Bytes("64 00 C8 00 00"), 7);
        Assert.True(parse.Ok);
        Assert.Equal(5, parse.Length);
        Assert.Equal(new MovementSummary(100, 200, 0, 7), parse.Summary);
    }

    [Theory]
    [InlineData("64 00 C8 00 05 01 B0 FF 70 FE 06 5A 00", MovementParseError.Truncated)] // count 5, one fragment
    [InlineData("64 00 C8 00 01 00 6E 00 C8 00", MovementParseError.Truncated)] // fragment cut short
    [InlineData("64 00 C8 00", MovementParseError.Truncated)] // no count
    [InlineData("64 00 C8 00 01 17 00 00 00", MovementParseError.UnknownCommand)] // command 23: outside the table
    [InlineData("64 00 C8 00 01 FF 00 00 00", MovementParseError.UnknownCommand)]
    public void Malformed_paths_are_rejected(string hex, MovementParseError error)
    {
        var parse = V83Format().Parse(Hex.Bytes(hex), 0);
        Assert.False(parse.Ok);
        Assert.Equal(error, parse.Error);
    }

    [Fact]
    public void Missing_types_option_is_reported_not_guessed()
    {
        var format = MovementFormat.FromOptions(V83, null);
        Assert.Equal(MovementParseError.NoTypeTable, format.Parse(Hex.Bytes(SpecPath), 0).Error);
    }

    [Fact]
    public void Random_bytes_never_throw_and_a_parse_never_claims_more_than_it_was_given()
    {
        var format = V83Format();
        var random = new Random(83);
        var buffer = new byte[64];
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(buffer.Length + 1);
            random.NextBytes(buffer);
            buffer[4] = (byte)random.Next(4); // small counts so some inputs parse
            var parse = format.Parse(buffer.AsSpan(0, length), 0);
            Assert.True(parse.Length <= length);
            Assert.Equal(parse.Ok, parse.Error == MovementParseError.None);
        }
    }

    private static System.Text.Json.JsonElement Options(string types) =>
        System.Text.Json.JsonDocument.Parse("{\"types\":" + types + "}").RootElement.Clone();
}
