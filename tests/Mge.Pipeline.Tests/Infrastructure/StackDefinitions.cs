using System.Text.Json.Nodes;
using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Tests.Infrastructure;

/// <summary>The shipped stack definitions as JSON, for tests that load variants of them.</summary>
internal static class StackDefinitions
{
    /// <summary>Every shipped definition as (file name, JSON text), read from the assembly's resources as <see cref="ProjectStacks"/> does.</summary>
    public static IReadOnlyList<(string Source, string Json)> Shipped()
    {
        var assembly = typeof(ProjectStacks).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ProjectStacks.ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[ProjectStacks.ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>A shipped definition as a mutable JSON object.</summary>
    public static JsonObject Node(string name) =>
        JsonNode.Parse(Shipped().Single(d => d.Source == name + ".json").Json)!.AsObject();

    /// <summary>Loads the given definitions; null when they load, else the error message.</summary>
    public static string? LoadError(params (string Source, JsonObject Definition)[] definitions)
    {
        try
        {
            StackCatalog.Load(definitions.Select(d => (d.Source, d.Definition.ToJsonString())));
            return null;
        }
        catch (StackDefinitionException error)
        {
            return error.Message;
        }
    }
}
