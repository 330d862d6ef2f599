using System.Text.Json;

namespace AtlasChannel.Protocol.Opcodes;

/// <summary>A client→server opcode bound to a handler name, its validator and the template's reader options.</summary>
public sealed record HandlerBinding(ushort Opcode, string Handler, string Validator, JsonElement? Options);

/// <summary>A server→client writer name bound to its opcode and the template's writer options.</summary>
public sealed record WriterBinding(ushort Opcode, string Writer, JsonElement? Options);
