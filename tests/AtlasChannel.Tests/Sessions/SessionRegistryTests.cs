using AtlasChannel.Sessions;

namespace AtlasChannel.Tests.Sessions;

public class SessionRegistryTests
{
    [Fact]
    public void One_login_per_account_per_tenant_and_the_first_session_is_undisturbed()
    {
        var registry = new SessionRegistry();
        var server = TestSessions.Server(TestSessions.TenantA);
        var first = TestSessions.Create(server);
        var second = TestSessions.Create(server);
        registry.Add(first);
        registry.Add(second);

        Assert.True(first.TryBeginLogin(1, 1));
        Assert.True(registry.TryClaim(first, accountId: 1, characterId: 1));
        Assert.True(second.TryBeginLogin(1, 1));
        Assert.False(registry.TryClaim(second, accountId: 1, characterId: 1));

        Assert.True(registry.EnterField(first, 1, 1, "Atlas", false, 100000000));
        second.Close("refused");
        registry.Remove(second);

        Assert.False(first.IsClosed);
        Assert.Same(first, registry.FindByCharacter(TestSessions.TenantA.Id, 1));
        Assert.Same(first, registry.FindByAccount(TestSessions.TenantA.Id, 1));
    }

    [Fact]
    public void The_same_account_id_in_another_tenant_is_a_different_account()
    {
        var registry = new SessionRegistry();
        var a = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        var b = TestSessions.Create(TestSessions.Server(TestSessions.TenantB, port: 7600));
        registry.Add(a);
        registry.Add(b);
        Assert.True(registry.TryClaim(a, 1, 1));
        Assert.True(registry.TryClaim(b, 1, 1));
    }

    [Fact]
    public void A_closed_holder_no_longer_blocks_the_account()
    {
        var registry = new SessionRegistry();
        var server = TestSessions.Server(TestSessions.TenantA);
        var stale = TestSessions.Create(server);
        registry.Add(stale);
        Assert.True(registry.TryClaim(stale, 5, 50));
        stale.Close("gone");

        var fresh = TestSessions.Create(server);
        registry.Add(fresh);
        Assert.True(registry.TryClaim(fresh, 5, 50));
        registry.Remove(stale); // must not release the fresh session's claim
        Assert.Same(fresh, registry.FindByAccount(TestSessions.TenantA.Id, 5));
    }

    [Fact]
    public void Map_index_follows_enter_change_and_remove()
    {
        var registry = new SessionRegistry();
        var server = TestSessions.Server(TestSessions.TenantA);
        var sessions = Enumerable.Range(1, 3).Select(_ => TestSessions.Create(server)).ToList();
        for (var i = 0; i < sessions.Count; i++)
        {
            registry.Add(sessions[i]);
            sessions[i].TryBeginLogin(i + 1, i + 1);
            registry.TryClaim(sessions[i], i + 1, i + 1);
            registry.EnterField(sessions[i], i + 1, i + 1, $"c{i}", false, 100000000);
        }

        var henesys = new MapKey(TestSessions.TenantA.Id, 0, 0, 100000000, Guid.Empty);
        Assert.Equal(3, registry.InMap(henesys).Length);

        registry.ChangeMap(sessions[0], 104000000, Guid.Empty);
        Assert.Equal(2, registry.InMap(henesys).Length);
        Assert.Equal(sessions[0], registry.InMap(henesys with { MapId = 104000000 })[0]);

        Assert.True(registry.Remove(sessions[1]));
        Assert.False(registry.Remove(sessions[1]));
        Assert.Equal([sessions[2]], registry.InMap(henesys).ToArray());
        Assert.Empty(registry.InMap(henesys with { TenantId = TestSessions.TenantB.Id }).ToArray());
    }

    [Fact]
    public void A_full_outbound_queue_closes_only_that_session()
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var slow = TestSessions.Create(server, capacity: 4);
        var healthy = TestSessions.Create(server, capacity: 4);
        for (var i = 0; i < 4; i++)
            Assert.True(slow.Send("ChannelChange", i, static (w, in _, v) => w.WriteInt32(v)));
        Assert.False(slow.Send("ChannelChange", 5, static (w, in _, v) => w.WriteInt32(v)));
        Assert.True(slow.IsClosed);
        Assert.Contains("outbound queue full", slow.CloseReason, StringComparison.Ordinal);
        Assert.True(healthy.Send("ChannelChange", 1, static (w, in _, v) => w.WriteInt32(v)));
        Assert.False(healthy.IsClosed);
    }

    [Fact]
    public void A_writer_the_tenant_does_not_configure_sends_nothing()
    {
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        Assert.False(session.Send("NoSuchWriter", 0, static (w, in _, v) => w.WriteInt32(v)));
        Assert.Empty(TestSessions.Drain(session));
        Assert.False(session.IsClosed);
    }
}
