using System.Collections.Frozen;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Reference data about Python 3.12 shipped inside the assembly: standard-library top-level modules, builtin
/// names and the distribution-to-module tables. Generated once from CPython and committed, so product code
/// never runs Python.
/// </summary>
public static class PythonReferenceData
{
    private static readonly Lazy<FrozenSet<string>> StandardModules = new(() => ReadNames("stdlib-modules.txt"));
    private static readonly Lazy<FrozenSet<string>> BuiltinNames = new(() => ReadNames("builtins.txt"));
    private static readonly Lazy<FrozenDictionary<string, IReadOnlyList<string>>> DistributionTable =
        new(() => ReadTable("distribution-modules.txt"));
    private static readonly Lazy<FrozenDictionary<string, IReadOnlyList<string>>> DependencyTable =
        new(() => ReadTable("distribution-dependencies.txt"));

    /// <summary>Top-level modules of the 3.12 standard library ("os", "json", "__future__").</summary>
    public static IReadOnlySet<string> StandardLibraryModules => StandardModules.Value;

    /// <summary>Names of the builtins module ("len", "print", "ValueError", "__name__").</summary>
    public static IReadOnlySet<string> Builtins => BuiltinNames.Value;

    /// <summary>Normalised distribution name to the modules it provides, for names the default rule gets wrong.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DistributionModules => DistributionTable.Value;

    /// <summary>Normalised distribution name to modules its mandatory dependencies make importable.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DistributionDependencyModules => DependencyTable.Value;

    private static FrozenSet<string> ReadNames(string resource) =>
        ReadDataLines(resource).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, IReadOnlyList<string>> ReadTable(string resource)
    {
        var table = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in ReadDataLines(resource))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidDataException($"Python data file {resource}: line '{line}' is not '<distribution> = <modules>'.");
            }

            var modules = line[(equals + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            table[line[..equals].Trim()] = modules;
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ReadDataLines(string resource)
    {
        var assembly = typeof(PythonReferenceData).Assembly;
        var name = $"{typeof(PythonReferenceData).Namespace}.Data.{resource}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }
}
