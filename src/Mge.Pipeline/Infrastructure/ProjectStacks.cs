using System.Reflection;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// The stacks MGE ships: the definitions under <c>templates/stacks/</c>, compiled into this assembly as
/// resources and loaded and checked on first use. Embedded rather than read from the templates directory at
/// run time because host-free code needs them before any configuration exists (argument parsing, validation,
/// the offline model) and because the offline model's writers and the templates are built against exactly
/// these definitions: a definition edited beside a deployed binary could only disagree with them.
/// </summary>
public static class ProjectStacks
{
    /// <summary>Resource names of the definitions: "stacks/&lt;name&gt;.json" (see Mge.Pipeline.csproj).</summary>
    public const string ResourcePrefix = "stacks/";

    private static readonly Lazy<StackCatalog> Shipped = new(LoadEmbedded);

    /// <summary>The shipped catalog; a broken definition throws <see cref="StackDefinitionException"/> here.</summary>
    public static StackCatalog Catalog => Shipped.Value;

    /// <summary>Every shipped stack, ordered by name.</summary>
    public static IReadOnlyList<ProjectStack> All => Catalog.All;

    /// <summary>The stack of a project type.</summary>
    public static ProjectStack For(ProjectType type) => Catalog.For(type);

    /// <summary>The stack a name or alias denotes (case-insensitive), or null.</summary>
    public static ProjectStack? TryFind(string? name) => Catalog.Find(name);

    private static StackCatalog LoadEmbedded()
    {
        var assembly = typeof(ProjectStacks).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..], Read(assembly, n)))
            .ToList();
        return StackCatalog.Load(definitions);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new StackDefinitionException($"The stack definition resource '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
