using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace AtlasChannel.Messaging.Tests;

public sealed class HeaderTests
{
    [Fact]
    public void Tenant_headers_have_the_spec_bytes()
    {
        var headers = new Headers();

        TenantHeaders.Write(headers, TestTenants.Gms83);

        Assert.Equal("083839c6-c47c-42a6-9585-76492795d123", Encoding.UTF8.GetString(headers.GetLastBytes("TENANT_ID")));
        Assert.Equal("GMS", Encoding.UTF8.GetString(headers.GetLastBytes("REGION")));
        Assert.Equal(new byte[] { 0x00, 0x53 }, headers.GetLastBytes("MAJOR_VERSION"));
        Assert.Equal(new byte[] { 0x00, 0x01 }, headers.GetLastBytes("MINOR_VERSION"));
    }

    [Fact]
    public void Tenant_round_trips_with_four_part_equality()
    {
        var headers = new Headers();
        TenantHeaders.Write(headers, TestTenants.Gms83);

        var read = TenantHeaders.Read(headers);

        Assert.Equal(TestTenants.Gms83, read);
        Assert.NotEqual(TestTenants.Gms87, read);
    }

    [Theory]
    [InlineData(new byte[] { 0x53 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x53 })]
    [InlineData(new byte[0])]
    public void Version_of_any_other_length_is_zero(byte[] value)
    {
        Assert.Equal(0, TenantHeaders.ParseVersion(value));
    }

    [Fact]
    public void Text_version_is_read_as_two_raw_bytes()
    {
        Assert.Equal(0x3833, TenantHeaders.ParseVersion("83"u8));
    }

    [Theory]
    [InlineData("not-a-uuid-not-a-uuid-not-a-uuid-xx")]
    [InlineData("083839c6c47c42a6958576492795d123")]
    [InlineData("{083839c6-c47c-42a6-9585-76492795d123}")]
    [InlineData("")]
    public void Bad_tenant_id_reads_as_the_zero_uuid(string value)
    {
        var headers = new Headers { { "TENANT_ID", Encoding.UTF8.GetBytes(value) }, { "REGION", "GMS"u8.ToArray() } };

        var tenant = TenantHeaders.Read(headers);

        Assert.Equal(Guid.Empty, tenant.Id);
        Assert.Equal("GMS", tenant.Region);
    }

    [Fact]
    public void Missing_headers_give_an_all_zero_tenant()
    {
        var tenant = TenantHeaders.Read([]);

        Assert.Equal(new Tenant(Guid.Empty, string.Empty, 0, 0), tenant);
    }

    [Fact]
    public void Trace_context_round_trips_through_headers()
    {
        using var activity = new Activity("produce").SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.TraceStateString = "vendor=value";
        activity.Start();
        var headers = new Headers();

        TraceHeaders.Inject(headers, activity);
        var context = TraceHeaders.Extract(headers);

        Assert.Equal($"00-{activity.TraceId}-{activity.SpanId}-01", Encoding.ASCII.GetString(headers.GetLastBytes("traceparent")));
        Assert.Equal(activity.TraceId, context.TraceId);
        Assert.Equal(activity.SpanId, context.SpanId);
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal("vendor=value", context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Fact]
    public void Spec_traceparent_example_parses()
    {
        var headers = new Headers { { "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"u8.ToArray() } };

        var context = TraceHeaders.Extract(headers);

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", context.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", context.SpanId.ToHexString());
        Assert.Null(context.TraceState);
    }

    [Fact]
    public void No_activity_writes_no_trace_headers_and_garbage_extracts_to_default()
    {
        var headers = new Headers();
        TraceHeaders.Inject(headers, null);
        Assert.Empty(headers);

        headers.Add("traceparent", "garbage"u8.ToArray());
        Assert.Equal(default, TraceHeaders.Extract(headers));
    }
}
