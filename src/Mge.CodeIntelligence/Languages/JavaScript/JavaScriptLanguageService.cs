using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Atomization.JavaScript;

namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// JavaScript (.js, .mjs, .cjs) checked with Acornima, the way Node 20 would load it. Checks:
/// <c>syntax</c> (Acornima's parse errors, module or CommonJS script decided per file, see
/// <see cref="JavaScriptParsing"/>), <c>imports</c> (relative specifiers must name a project file by Node's
/// rules, bare ones must be Node built-ins or declared dependencies, including scoped packages and subpaths),
/// <c>names</c> (identifiers declared nowhere in the file and not a known global are errors; <c>typeof x</c>
/// is not a use). <c>types</c> is never checked: JavaScript has no type checker here.
/// </summary>
public sealed class JavaScriptLanguageService : ILanguageService
{
    private static readonly string[] Extensions = [".js", ".mjs", ".cjs"];

    private readonly JavaScriptAtomizer _atomizer = new();

    public SourceLanguage Language => SourceLanguage.JavaScript;

    public IReadOnlyList<string> FileExtensions => Extensions;

    public FileValidation Validate(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(project);
        cancellationToken.ThrowIfCancellationRequested();

        var typesNotChecked = new Diagnostic(1, 1, DiagnosticSeverity.Info, "types-not-checked", "JavaScript has no type checker here; types were not checked.");
        var parsed = JavaScriptParsing.Parse(file, out var syntaxError);
        if (parsed is null)
        {
            return new FileValidation(file.Path, Language, [syntaxError!, typesNotChecked], ["syntax"], ["imports", "names", "types"]);
        }

        var diagnostics = new List<Diagnostic>();
        CheckImports(file.Path, parsed, project, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        CheckNames(parsed, diagnostics);
        diagnostics.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        diagnostics.Add(typesNotChecked);
        return new FileValidation(file.Path, Language, diagnostics, ["syntax", "imports", "names"], ["types"]);
    }

    public AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default) =>
        _atomizer.Atomize(file, cancellationToken);

    private static void CheckImports(string path, ParsedJavaScript parsed, ProjectContext project, List<Diagnostic> diagnostics)
    {
        var declared = new HashSet<string>(project.DeclaredDependencies.Select(NodeModuleResolution.DependencyName), StringComparer.Ordinal);
        foreach (var request in JavaScriptImports.FindRequests(parsed))
        {
            var problem = ImportProblem(path, request.Specifier, project.ProjectFiles, declared);
            if (problem is not null)
            {
                diagnostics.Add(new Diagnostic(request.Line, request.Column, DiagnosticSeverity.Error, "import-unresolved", problem));
            }
        }
    }

    private static string? ImportProblem(string path, string specifier, IReadOnlySet<string> files, HashSet<string> declared)
    {
        if (NodeModuleResolution.IsRelative(specifier))
        {
            return NodeModuleResolution.ResolveRelative(path, specifier, files) is null
                ? $"Cannot resolve '{specifier}' from '{path}': no project file matches it (tried the exact path, .js/.mjs/.cjs/.json and index files)."
                : null;
        }

        if (NodeBuiltinModules.Contains(specifier))
        {
            return null;
        }

        if (specifier.StartsWith("node:", StringComparison.Ordinal))
        {
            return $"'{specifier}' is not a Node 20 built-in module.";
        }

        var package = NodeModuleResolution.PackageName(specifier);
        if (package is null)
        {
            return $"'{specifier}' is neither relative, a built-in nor a package name; absolute and URL specifiers are not allowed in a generated project.";
        }

        return declared.Contains(package)
            ? null
            : $"Package '{package}' (from '{specifier}') is not a Node built-in and is not declared in package.json dependencies.";
    }

    private static void CheckNames(ParsedJavaScript parsed, List<Diagnostic> diagnostics)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in JavaScriptScopeAnalyzer.Analyze(parsed).References)
        {
            if (reference.Binding != NameBinding.Free || reference.TypeofGuarded || reference.InsideWith
                || JavaScriptGlobals.IsPredefined(reference.Name, parsed.IsCommonJs) || !reported.Add(reference.Name))
            {
                continue;
            }

            var hint = !parsed.IsCommonJs && JavaScriptGlobals.IsPredefined(reference.Name, commonJs: true)
                ? " (this file is an ES module, where CommonJS names such as require and module do not exist)"
                : string.Empty;
            diagnostics.Add(new Diagnostic(reference.Line, reference.Column, DiagnosticSeverity.Error, "undefined-name", $"'{reference.Name}' is not defined{hint}."));
        }
    }
}
