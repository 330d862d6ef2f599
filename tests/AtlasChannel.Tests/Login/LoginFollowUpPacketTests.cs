using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Login;
using AtlasChannel.Tests.Sessions;

namespace AtlasChannel.Tests.Login;

public class LoginFollowUpPacketTests
{
    [Fact]
    public void Skill_macros_match_the_spec_example()
    {
        // inventory-storage.md §9.1: one macro "Buff", shout on, skills 1101004, 1101006, none.
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        IReadOnlyList<SkillMacroResource> macros = [new SkillMacroResource(0, new SkillMacroAttributes { Name = "Buff", Shout = true, SkillId1 = 1101004, SkillId2 = 1101006 })];
        session.Send(LoginFollowUpPackets.SkillMacroWriter, macros, static (w, in _, m) => LoginFollowUpPackets.WriteMacros(w, m));
        IReadOnlyList<SkillMacroResource> none = [];
        session.Send(LoginFollowUpPackets.SkillMacroWriter, none, static (w, in _, m) => LoginFollowUpPackets.WriteMacros(w, m));
        var sent = TestSessions.Drain(session);
        Assert.Equal("7C00" + "0104004275666600CCCC1000CECC100000000000", Convert.ToHexString(sent[0]));
        Assert.Equal("7C0000", Convert.ToHexString(sent[1]));
    }

    [Fact]
    public void Macros_are_sorted_by_id_and_clamped_to_five()
    {
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        IReadOnlyList<SkillMacroResource> macros = [.. Enumerable.Range(0, 7).Reverse().Select(i => new SkillMacroResource(i, new SkillMacroAttributes { Name = $"m{i}" }))];
        session.Send(LoginFollowUpPackets.SkillMacroWriter, macros, static (w, in _, m) => LoginFollowUpPackets.WriteMacros(w, m));
        var body = TestSessions.Drain(session).Single();
        Assert.Equal(5, body[2]);
        Assert.Equal("m0"u8.ToArray(), body[5..7]); // first macro's name after count and the u16 length
    }

    [Fact]
    public void World_message_is_a_top_scroll_notice_with_the_template_mode()
    {
        // field.md §20: WorldMessage v83 0x44, TOP_SCROLL = 4 (template operations), body C: hasMessage, message.
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        session.Send(LoginFollowUpPackets.WorldMessageWriter, "Hi", static (w, in ctx, text) => LoginFollowUpPackets.WriteTopScroll(w, ctx.Binding, text));
        Assert.Equal("4400" + "04" + "01" + "0200" + "4869", Convert.ToHexString(TestSessions.Drain(session).Single()));
    }
}
