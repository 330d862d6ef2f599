using System.Globalization;

namespace AtlasChannel.Tool.Cli;

/// <summary>Minimal "--name value" / "--flag" / positional argument reader for the tool's verbs.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="flagNames"/> take no value.</summary>
    public static Arguments Parse(ReadOnlySpan<string> args, params string[] flagNames)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? inlineValue = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    inlineValue = name[(eq + 1)..];
                    name = name[..eq];
                }

                if (Array.IndexOf(flagNames, name) >= 0)
                {
                    parsed._flags.Add(name);
                    continue;
                }

                var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new Commands.UsageException($"--{name} needs a value"));
                if (!parsed._options.TryGetValue(name, out var values))
                    parsed._options[name] = values = [];
                values.Add(value);
            }
            else
            {
                parsed.Positional.Add(arg);
            }
        }

        return parsed;
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _flags.Contains(name);
    }

    public string? Optional(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var values) ? values[^1] : null;
    }

    public IReadOnlyList<string> All(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public string Required(string name) => Optional(name) ?? throw new Commands.UsageException($"--{name} is required");

    public int Int(string name, int defaultValue) => Number(name, defaultValue, int.Parse);

    public double Double(string name, double defaultValue) => Number(name, defaultValue, double.Parse);

    /// <summary>Fails on options nobody asked for, so a typo is not silently ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Concat(_flags).Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new Commands.UsageException("unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
    }

    private T Number<T>(string name, T defaultValue, Func<string, IFormatProvider, T> parse)
    {
        var text = Optional(name);
        if (text is null)
            return defaultValue;
        try
        {
            return parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new Commands.UsageException($"--{name}: '{text}' is not a number");
        }
        catch (OverflowException)
        {
            throw new Commands.UsageException($"--{name}: '{text}' is out of range");
        }
    }
}
