using System.Globalization;

namespace AtlasChannel.Protocol.Opcodes;

/// <summary>Parses opcode text the way Atlas does (Go <c>ParseUint(s, 0, 16)</c>: 0x hex, 0o/0 octal, 0b binary, else decimal).</summary>
public static class OpcodeText
{
    public static bool TryParse(string? text, out ushort opcode)
    {
        opcode = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        var (digits, radix) = s.Length > 1 && s[0] == '0'
            ? char.ToLowerInvariant(s[1]) switch
            {
                'x' => (s[2..], 16),
                'b' => (s[2..], 2),
                'o' => (s[2..], 8),
                _ => (s[1..], 8),
            }
            : (s, 10);
        if (digits.Length == 0)
            return false;
        uint value = 0;
        foreach (var ch in digits)
        {
            var digit = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'a' and <= 'f' => ch - 'a' + 10,
                >= 'A' and <= 'F' => ch - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
                return false;
            value = (value * (uint)radix) + (uint)digit;
            if (value > ushort.MaxValue)
                return false;
        }

        opcode = (ushort)value;
        return true;
    }

    public static string Format(ushort opcode) => "0x" + opcode.ToString("X2", CultureInfo.InvariantCulture);
}
