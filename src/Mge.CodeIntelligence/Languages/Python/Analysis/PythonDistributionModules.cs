namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Maps declared requirements to the module names they make importable: the distribution's own modules
/// (from the table of well-known mismatches, or by default the normalised name with '-' replaced by '_')
/// and the modules of its mandatory dependencies (fastapi brings starlette, pytest brings _pytest).
/// </summary>
public static class PythonDistributionModules
{
    /// <summary>The modules a distribution itself provides ("PyYAML" gives "yaml", "python-jose" gives "jose").</summary>
    public static IReadOnlyList<string> ProvidedBy(string distribution)
    {
        var normalized = PythonRequirement.Normalize(distribution);
        return PythonReferenceData.DistributionModules.TryGetValue(normalized, out var modules)
            ? modules
            : [DefaultModuleName(normalized)];
    }

    /// <summary>What the default rule yields for a distribution with no table entry: "pydantic-settings" gives "pydantic_settings".</summary>
    public static string DefaultModuleName(string normalizedDistribution) => normalizedDistribution.Replace('-', '_');

    /// <summary>
    /// Every module importable once the requirement line is installed: provided modules first, then those
    /// of mandatory dependencies. Empty for lines that name no distribution.
    /// </summary>
    public static IReadOnlyList<string> ImportableFrom(string requirementLine)
    {
        var requirement = PythonRequirement.Parse(requirementLine);
        if (requirement is null)
        {
            return [];
        }

        var modules = new List<string>(ProvidedBy(requirement.NormalizedName));
        if (PythonReferenceData.DistributionDependencyModules.TryGetValue(requirement.NormalizedName, out var dependencies))
        {
            modules.AddRange(dependencies.Where(d => !modules.Contains(d, StringComparer.Ordinal)));
        }

        return modules;
    }
}
