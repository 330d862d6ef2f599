namespace AtlasChannel.Messaging.Tests;

public sealed class MessageKeysTests
{
    [Theory]
    [InlineData(1000017, "51420f0000000000")]
    [InlineData(42, "2a00000000000000")]
    [InlineData(0, "0000000000000000")]
    [InlineData(-1, "ffffffff00000000")]
    public void Create_matches_the_spec_table(int id, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(MessageKeys.Create(id)));
    }

    [Fact]
    public void Uint64_pet_id_is_truncated_to_32_bits()
    {
        Assert.Equal("bb4b4c0000000000", Convert.ToHexStringLower(MessageKeys.Create(5000123UL)));
        Assert.Equal("bb4b4c0000000000", Convert.ToHexStringLower(MessageKeys.Create(0x1_0000_0000UL + 5000123UL)));
    }

    [Fact]
    public void Write_clears_the_upper_four_bytes()
    {
        Span<byte> key = [9, 9, 9, 9, 9, 9, 9, 9];

        MessageKeys.Write(key, 42);

        Assert.Equal("2a00000000000000", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Saga_key_is_the_first_four_uuid_bytes_reversed_then_zeros()
    {
        var transactionId = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef");

        Assert.Equal("6745230100000000", Convert.ToHexStringLower(MessageKeys.ForSaga(transactionId)));
    }

    [Fact]
    public void Uuid_text_key_is_36_ascii_bytes()
    {
        var id = Guid.Parse("083839c6-c47c-42a6-9585-76492795d123");

        var key = MessageKeys.ForUuidText(id);

        Assert.Equal(36, key.Length);
        Assert.Equal("083839c6-c47c-42a6-9585-76492795d123", System.Text.Encoding.ASCII.GetString(key));
    }
}
