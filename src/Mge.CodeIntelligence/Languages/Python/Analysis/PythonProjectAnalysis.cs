using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mge.CodeIntelligence.Languages.Python.Parsing;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// What the Python checks know about one project: its module index, the modules its declared requirements
/// make importable and, parsed on demand and cached, the top-level names of its modules. One instance per
/// <see cref="ProjectContext"/> object, shared by every file validated against it.
/// </summary>
public sealed class PythonProjectAnalysis
{
    private static readonly ConditionalWeakTable<ProjectContext, PythonProjectAnalysis> Cache = new();

    private readonly ProjectContext _project;
    private readonly ConcurrentDictionary<string, PythonModuleExports?> _exports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredExact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredDefault = new(StringComparer.OrdinalIgnoreCase);

    private PythonProjectAnalysis(ProjectContext project)
    {
        _project = project;
        Modules = PythonProjectModules.Create(project.ProjectFiles);
        foreach (var line in project.DeclaredDependencies)
        {
            var requirement = PythonRequirement.Parse(line);
            if (requirement is null)
            {
                continue;
            }

            if (PythonReferenceData.DistributionModules.TryGetValue(requirement.NormalizedName, out var provided))
            {
                _declaredExact.UnionWith(provided);
            }
            else
            {
                // Unknown distributions usually import under their own name; case is not reliable from the name.
                _declaredDefault.Add(PythonDistributionModules.DefaultModuleName(requirement.NormalizedName));
            }

            if (PythonReferenceData.DistributionDependencyModules.TryGetValue(requirement.NormalizedName, out var brought))
            {
                _declaredExact.UnionWith(brought);
            }
        }
    }

    /// <summary>The shared analysis for a project context (created on first use).</summary>
    public static PythonProjectAnalysis For(ProjectContext project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Cache.GetValue(project, p => new PythonProjectAnalysis(p));
    }

    public PythonProjectModules Modules { get; }

    /// <summary>True when a declared requirement provides the dotted module (or a package above or below it).</summary>
    public bool IsDeclared(string module)
    {
        var top = module.Split('.')[0];
        if (_declaredDefault.Contains(top))
        {
            return true;
        }

        foreach (var declared in _declaredExact)
        {
            if (module == declared
                || module.StartsWith(declared + ".", StringComparison.Ordinal)
                || declared.StartsWith(module + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The names a project module file offers, or null when its text is not available or it does not parse
    /// (then nothing can be said about its names). <paramref name="currentFile"/> supplies the text of the file
    /// being validated, which may differ from the project's copy.
    /// </summary>
    public PythonModuleExports? ExportsOf(string path, SourceFile? currentFile = null, CancellationToken cancellationToken = default) =>
        ExportsOf(path, currentFile, [], cancellationToken);

    private PythonModuleExports? ExportsOf(string path, SourceFile? currentFile, HashSet<string> visiting, CancellationToken cancellationToken)
    {
        if (currentFile is not null && PythonModuleNames.NormalizePath(currentFile.Path) == path)
        {
            return ComputeExports(path, currentFile.Text, visiting, cancellationToken);
        }

        if (_exports.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var text = TextOf(path);
        if (text is null)
        {
            return null;
        }

        if (!visiting.Add(path))
        {
            // A star-import cycle: the names cannot be settled, so treat the module as open.
            return new PythonModuleExports(new HashSet<string>(), [], IsOpen: true);
        }

        var exports = ComputeExports(path, text, visiting, cancellationToken);
        visiting.Remove(path);
        _exports[path] = exports;
        return exports;
    }

    private PythonModuleExports? ComputeExports(string path, string text, HashSet<string> visiting, CancellationToken cancellationToken)
    {
        var parsed = PythonParser.Parse(text, cancellationToken);
        if (parsed.Tree is null)
        {
            return null;
        }

        var model = PythonScopeModel.Build(
            parsed.Tree,
            PythonModuleNames.IsPackageInit(path),
            star => StarImportNames(star, path, visiting, cancellationToken),
            cancellationToken);
        return new PythonModuleExports(model.TopLevelNames, PythonScopeModel.PublicNames(parsed.Tree, model),
            model.HasUnknownStarImport || model.HasModuleGetattr);
    }

    /// <summary>The names a star import in <paramref name="importingPath"/> brings, or null when they cannot be known.</summary>
    public IReadOnlyCollection<string>? StarImportNames(PythonStarImport star, string importingPath, CancellationToken cancellationToken = default) =>
        StarImportNames(star, PythonModuleNames.NormalizePath(importingPath), [], cancellationToken);

    private IReadOnlyCollection<string>? StarImportNames(PythonStarImport star, string importingPath, HashSet<string> visiting, CancellationToken cancellationToken)
    {
        var target = star.Level > 0
            ? Modules.FindRelative(star.Level, star.Module, importingPath)
            : star.Module is null ? null : Modules.FindAbsolute(star.Module, importingPath);
        if (target is null || target.Kind == PythonModuleKind.NamespacePackage)
        {
            return null;
        }

        var exports = ExportsOf(target.Path, null, visiting, cancellationToken);
        return exports is null || exports.IsOpen ? null : exports.PublicNames;
    }

    private string? TextOf(string path)
    {
        if (_project.FileTexts is not { } texts)
        {
            return null;
        }

        if (texts.TryGetValue(path, out var text))
        {
            return text;
        }

        // Keys as the caller wrote them may use other separators; match them normalised.
        foreach (var (key, value) in texts)
        {
            if (PythonModuleNames.NormalizePath(key) == path)
            {
                return value;
            }
        }

        return null;
    }
}
