namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// AES-256 key schedule (FIPS-197 §5.2), computed once for the fixed Maple key so the hardware path can run
/// the rounds itself. The S-box is derived from its definition (GF(2^8) inverse + affine map) rather than typed in.
/// </summary>
internal static class Aes256RoundKeys
{
    public const int Rounds = 14;

    public static byte[] Expand(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
            throw new ArgumentException("AES-256 needs a 32-byte key", nameof(key));

        var sbox = BuildSBox();
        var schedule = new byte[(Rounds + 1) * 16];
        key.CopyTo(schedule);
        byte roundConstant = 1;
        Span<byte> word = stackalloc byte[4];
        for (var i = 8; i < (Rounds + 1) * 4; i++)
        {
            schedule.AsSpan((i - 1) * 4, 4).CopyTo(word);
            if (i % 8 == 0)
            {
                var first = word[0];
                word[0] = (byte)(sbox[word[1]] ^ roundConstant);
                word[1] = sbox[word[2]];
                word[2] = sbox[word[3]];
                word[3] = sbox[first];
                roundConstant = MultiplyByTwo(roundConstant);
            }
            else if (i % 8 == 4)
            {
                for (var b = 0; b < 4; b++)
                    word[b] = sbox[word[b]];
            }

            for (var b = 0; b < 4; b++)
                schedule[(i * 4) + b] = (byte)(schedule[((i - 8) * 4) + b] ^ word[b]);
        }

        return schedule;
    }

    private static byte[] BuildSBox()
    {
        var sbox = new byte[256];
        for (var x = 0; x < 256; x++)
        {
            var inverse = x == 0 ? (byte)0 : Inverse((byte)x);
            var s = inverse ^ RotateLeft(inverse, 1) ^ RotateLeft(inverse, 2) ^ RotateLeft(inverse, 3) ^ RotateLeft(inverse, 4) ^ 0x63;
            sbox[x] = (byte)s;
        }

        return sbox;
    }

    private static byte Inverse(byte x)
    {
        // x^254 = x^-1 in GF(2^8).
        byte result = 1;
        var power = x;
        for (var exponent = 254; exponent > 0; exponent >>= 1)
        {
            if ((exponent & 1) != 0)
                result = Multiply(result, power);
            power = Multiply(power, power);
        }

        return result;
    }

    private static byte Multiply(byte a, byte b)
    {
        byte product = 0;
        while (b != 0)
        {
            if ((b & 1) != 0)
                product ^= a;
            a = MultiplyByTwo(a);
            b >>= 1;
        }

        return product;
    }

    private static byte MultiplyByTwo(byte a) => (byte)((a << 1) ^ ((a & 0x80) != 0 ? 0x1B : 0));

    private static int RotateLeft(byte value, int count) => ((value << count) | (value >> (8 - count))) & 0xFF;
}
