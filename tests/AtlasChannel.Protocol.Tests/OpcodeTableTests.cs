using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Testing;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/opcodes/README.md: the six shipped templates load, both lookup directions work.</summary>
public class OpcodeTableTests
{
    public static TheoryData<string> TemplateFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SpecFiles.Path("protocol", "opcodes"), "template_*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void All_six_templates_are_bundled()
    {
        Assert.Equal(
            ["template_gms_12_1.json", "template_gms_83_1.json", "template_gms_87_1.json", "template_gms_92_1.json", "template_gms_95_1.json", "template_jms_185_1.json"],
            BundledTemplates.Names);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_loads_completely(string fileName)
    {
        var json = File.ReadAllText(SpecFiles.Path("protocol", "opcodes", fileName));
        var table = OpcodeTable.Parse(json);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var socket = document.RootElement.GetProperty("socket");
        var handlerOpcodes = socket.GetProperty("handlers").EnumerateArray().Select(h => h.GetProperty("opCode").GetString()).Distinct().Count();
        var writerNames = socket.GetProperty("writers").EnumerateArray().Select(w => w.GetProperty("writer").GetString()).Distinct().Count();

        Assert.Empty(table.Problems);
        Assert.Equal(handlerOpcodes, table.Handlers.Count);
        Assert.Equal(writerNames, table.Writers.Count);
        Assert.Equal(fileName, BundledTemplates.FileName(table.Version));
        foreach (var handler in table.Handlers)
        {
            Assert.True(table.TryGetHandler(handler.Opcode, out var back));
            Assert.Same(handler, back);
            Assert.Contains(handler.Opcode, table.OpcodesOf(handler.Handler));
        }

        foreach (var writer in table.Writers)
            Assert.Contains(writer.Writer, table.WriterNamesOf(writer.Opcode));
    }

    [Fact]
    public void V83_bindings_match_the_template()
    {
        var table = BundledTemplates.Load(new ClientVersion("GMS", 83, 1));
        Assert.True(table.TryGetHandler(0x14, out var loggedIn));
        Assert.Equal("CharacterLoggedInHandle", loggedIn.Handler);
        Assert.Equal("NoOpValidator", loggedIn.Validator);
        Assert.True(table.TryGetHandler(0x29, out var move));
        Assert.Equal("CharacterMoveHandle", move.Handler);
        Assert.Equal("LoggedInValidator", move.Validator);
        Assert.Equal("NORMAL", move.Options!.Value.GetProperty("types")[0].GetProperty("Type").GetString());
        Assert.Equal([(ushort)0x04, (ushort)0x0B], table.OpcodesOf("ServerListRequestHandle"));

        Assert.Contains("AuthSuccess", table.WriterNamesOf(0x00));
        Assert.Contains("AuthLoginFailed", table.WriterNamesOf(0x00));
        Assert.True(table.TryGetWriter("AuthLoginFailed", out var failed));
        Assert.Equal(7, failed.Options!.Value.GetProperty("failedReasonCodes").GetProperty("ALREADY_LOGGED_IN").GetInt32());
        Assert.True(table.TryGetWriter("SetField", out var setField));
        Assert.Equal(0x7D, setField.Opcode);
    }

    [Fact]
    public void One_byte_versions_truncate_opcodes_to_their_low_byte()
    {
        var table = OpcodeTable.Parse("""
            {"region":"GMS","majorVersion":12,"minorVersion":1,
             "socket":{"handlers":[{"opCode":"0x116","validator":"NoOpValidator","handler":"A"}],"writers":[{"opCode":"0x1FF","writer":"W"}]}}
            """);
        Assert.True(table.TryGetHandler(0x16, out _));
        Assert.True(table.TryGetWriter("W", out var writer));
        Assert.Equal(0xFF, writer.Opcode);
    }

    [Fact]
    public void Unusable_entries_are_skipped_and_reported()
    {
        var table = OpcodeTable.Parse("""
            {"region":"GMS","majorVersion":83,"minorVersion":1,
             "socket":{"handlers":[{"opCode":"zz","validator":"NoOpValidator","handler":"A"},{"opCode":"0x10","handler":"B"},{"opCode":"0x11","validator":"NoOpValidator","handler":"C"}],
                       "writers":[{"opCode":"0x70000","writer":"W"},{"opCode":"17","writer":"X"}]}}
            """);
        Assert.Single(table.Handlers);
        Assert.Single(table.Writers);
        Assert.True(table.TryGetWriter("X", out var x));
        Assert.Equal(17, x.Opcode);
        Assert.Equal(3, table.Problems.Count);
    }

    [Theory]
    [InlineData("0x29", 0x29)]
    [InlineData("0X10C", 0x10C)]
    [InlineData("41", 41)]
    [InlineData("010", 8)]
    [InlineData("0b101", 5)]
    [InlineData("0", 0)]
    public void Opcode_text_uses_go_base_detection(string text, int expected)
    {
        Assert.True(OpcodeText.TryParse(text, out var opcode));
        Assert.Equal(expected, opcode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x10000")]
    [InlineData("09")]
    [InlineData("-1")]
    public void Bad_opcode_text_is_refused(string text) => Assert.False(OpcodeText.TryParse(text, out _));

    [Fact]
    public void Missing_version_fails_with_the_key_name()
    {
        var ex = Assert.Throws<InvalidDataException>(() => OpcodeTable.Parse("""{"region":"GMS","minorVersion":1}"""));
        Assert.Contains("majorVersion", ex.Message, StringComparison.Ordinal);
    }
}
