using System.Globalization;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Sandbox.Data;

/// <summary>The bundled configuration template for the sandbox tenant's version (spec/protocol/opcodes).</summary>
internal static class TenantTemplate
{
    public static string Read(SandboxOptions options) =>
        BundledTemplates.ReadJson(string.Create(
            CultureInfo.InvariantCulture,
            $"template_{options.Region.ToLowerInvariant()}_{options.MajorVersion}_{options.MinorVersion}.json"));
}
