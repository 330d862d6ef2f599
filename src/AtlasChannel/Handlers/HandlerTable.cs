using System.Collections.Frozen;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Handlers;

/// <summary>The validators a template may name.</summary>
public enum PacketValidator
{
    /// <summary><c>NoOpValidator</c>: always passes.</summary>
    None,

    /// <summary><c>LoggedInValidator</c>: the session's account must be logged in, else the session is destroyed.</summary>
    LoggedIn,
}

/// <summary>An opcode routed to a handler implementation and its validator.</summary>
public sealed record HandlerRoute(HandlerBinding Binding, IPacketHandler Handler, PacketValidator Validator);

/// <summary>
/// A tenant's client-opcode dispatch table: template bindings joined with the handlers this service implements.
/// Bindings whose handler is not implemented stay out (Atlas skips them silently); we list them in
/// <see cref="NotImplemented"/> so the start-up log can say so.
/// </summary>
public sealed class HandlerTable
{
    private readonly FrozenDictionary<ushort, HandlerRoute> _routes;

    private HandlerTable(FrozenDictionary<ushort, HandlerRoute> routes, IReadOnlyList<string> notImplemented, IReadOnlyList<string> problems)
    {
        _routes = routes;
        NotImplemented = notImplemented;
        Problems = problems;
    }

    public IReadOnlyList<string> NotImplemented { get; }

    public IReadOnlyList<string> Problems { get; }

    public int Count => _routes.Count;

    public bool TryGet(ushort opcode, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HandlerRoute? route) =>
        _routes.TryGetValue(opcode, out route);

    public static HandlerTable Build(OpcodeTable opcodes, IEnumerable<IPacketHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(opcodes);
        var byName = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);
        var routes = new Dictionary<ushort, HandlerRoute>();
        var notImplemented = new List<string>();
        var problems = new List<string>();
        foreach (var binding in opcodes.Handlers)
        {
            PacketValidator validator;
            switch (binding.Validator)
            {
                case "NoOpValidator":
                    validator = PacketValidator.None;
                    break;
                case "LoggedInValidator":
                    validator = PacketValidator.LoggedIn;
                    break;
                default:
                    problems.Add($"{OpcodeText.Format(binding.Opcode)} {binding.Handler}: unknown validator '{binding.Validator}', entry skipped");
                    continue;
            }

            if (!byName.TryGetValue(binding.Handler, out var handler))
            {
                notImplemented.Add(binding.Handler);
                continue;
            }

            routes[binding.Opcode] = new HandlerRoute(binding, handler, validator);
        }

        return new HandlerTable(routes.ToFrozenDictionary(), notImplemented.Distinct(StringComparer.Ordinal).ToList(), problems);
    }
}
