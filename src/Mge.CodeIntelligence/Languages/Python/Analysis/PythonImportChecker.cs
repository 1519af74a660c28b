using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Checks that every import of a file resolves: to the 3.12 standard library, to a module of the project
/// (absolute or relative, with the imported names checked against the module's top-level bindings when its
/// text is known) or to a declared requirement. Unresolved imports are errors with code
/// <c>import-unresolved</c>; inside <c>try: ... except ImportError:</c> they are warnings (optional imports).
/// </summary>
public static class PythonImportChecker
{
    public const string Code = "import-unresolved";

    public static IReadOnlyList<Diagnostic> Check(SourceFile file, Module tree, PythonProjectAnalysis project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(project);
        var collector = new GuardedImportCollector();
        collector.VisitModule(tree);
        var path = PythonModuleNames.NormalizePath(file.Path);
        var diagnostics = new List<Diagnostic>();
        foreach (var (statement, guarded) in collector.Imports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var severity = guarded ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
            foreach (var problem in Problems(statement, path, file, project, cancellationToken))
            {
                var suffix = guarded ? " (inside try/except ImportError: optional)" : string.Empty;
                diagnostics.Add(new Diagnostic(problem.Span.StartLine, problem.Span.StartColumn + 1, severity, Code, problem.Message + suffix));
            }
        }

        return diagnostics;
    }

    private static IEnumerable<(TextSpan Span, string Message)> Problems(Stmt statement, string path, SourceFile file,
        PythonProjectAnalysis project, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case Import import:
                foreach (var alias in import.Names)
                {
                    if (AbsoluteModuleProblem(alias.Name, path, project) is { } message)
                    {
                        yield return (alias.Span, message);
                    }
                }

                break;
            case ImportFrom { Level: 0, Module: { } module } from:
                if (AbsoluteModuleProblem(module, path, project) is { } moduleProblem)
                {
                    yield return (from.Span, moduleProblem);
                    break;
                }

                if (project.Modules.FindAbsolute(module, path) is { } target)
                {
                    foreach (var problem in NameProblems(from, module, target, file, project, cancellationToken))
                    {
                        yield return problem;
                    }
                }

                break;
            case ImportFrom relative:
                var written = new string('.', relative.Level) + (relative.Module ?? string.Empty);
                if (PythonProjectModules.RelativeBaseDirectory(relative.Level, path) is null)
                {
                    yield return (relative.Span, $"relative import '{written}' climbs above the project root");
                    break;
                }

                var found = project.Modules.FindRelative(relative.Level, relative.Module, path);
                if (found is null)
                {
                    yield return (relative.Span, $"relative import '{written}' names no module or package of the project");
                    break;
                }

                foreach (var problem in NameProblems(relative, written, found, file, project, cancellationToken))
                {
                    yield return problem;
                }

                break;
        }
    }

    /// <summary>Null when the dotted module resolves; otherwise why it does not.</summary>
    private static string? AbsoluteModuleProblem(string module, string path, PythonProjectAnalysis project)
    {
        if (project.Modules.FindAbsolute(module, path) is not null)
        {
            return null;
        }

        var top = module.Split('.')[0];
        if (project.Modules.FindAbsolute(top, path) is { } topLevel)
        {
            // The project owns the top-level package, so Python never looks elsewhere for its submodules.
            return $"module '{module}' is not in the project (package '{top}' is {topLevel.Path}, which has no such submodule)";
        }

        if (PythonReferenceData.StandardLibraryModules.Contains(top) || project.IsDeclared(module))
        {
            return null;
        }

        return $"module '{module}' is not in the standard library, not a project module and not provided by any declared requirement";
    }

    private static IEnumerable<(TextSpan Span, string Message)> NameProblems(ImportFrom statement, string written, PythonProjectModule target,
        SourceFile file, PythonProjectAnalysis project, CancellationToken cancellationToken)
    {
        PythonModuleExports? exports = target.Kind == PythonModuleKind.NamespacePackage
            ? null
            : project.ExportsOf(target.Path, file, cancellationToken);
        if (target.Kind != PythonModuleKind.NamespacePackage && (exports is null || exports.IsOpen))
        {
            // Without the module's text (or with open names) nothing can be said about the names.
            yield break;
        }

        foreach (var alias in statement.Names)
        {
            if (alias.Name == "*")
            {
                continue;
            }

            if (exports is not null && exports.Names.Contains(alias.Name))
            {
                continue;
            }

            if (project.Modules.FindSubmodule(target, alias.Name) is not null)
            {
                continue;
            }

            var where = target.Kind == PythonModuleKind.NamespacePackage
                ? $"namespace package {target.Path} has no submodule '{alias.Name}'"
                : $"{target.Path} defines no top-level name '{alias.Name}'" + (target.Kind == PythonModuleKind.Package ? " and has no such submodule" : string.Empty);
            yield return (alias.Span, $"cannot import name '{alias.Name}' from '{written}': {where}");
        }
    }

    /// <summary>Collects import statements, marking those inside a try whose handlers catch a failed import.</summary>
    private sealed class GuardedImportCollector() : ExceptionGuardWalker("ImportError", "ModuleNotFoundError", "Exception", "BaseException")
    {
        public List<(Stmt Statement, bool Guarded)> Imports { get; } = [];

        public override void VisitImport(Import node) => Imports.Add((node, Guarded));

        public override void VisitImportFrom(ImportFrom node) => Imports.Add((node, Guarded));
    }
}
