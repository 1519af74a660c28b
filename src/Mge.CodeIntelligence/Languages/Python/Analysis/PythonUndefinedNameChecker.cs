namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Reports names read where no scope binds them and no builtin has them (code <c>undefined-name</c>). A star
/// import whose names cannot be listed makes any name possible, so the check then reports one Info
/// (<c>star-import</c>) instead of errors.
/// </summary>
public static class PythonUndefinedNameChecker
{
    public const string Code = "undefined-name";
    public const string StarImportCode = "star-import";
    public const string DynamicGlobalsCode = "dynamic-globals";

    public static IReadOnlyList<Diagnostic> Check(PythonScopeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.HasUnknownStarImport)
        {
            var star = model.StarImports[0];
            var module = new string('.', star.Level) + star.Module;
            return [new Diagnostic(star.Span.StartLine, star.Span.StartColumn + 1, DiagnosticSeverity.Info, StarImportCode,
                $"star-import: names not checked ('from {module} import *' brings names that cannot be listed)")];
        }

        if (model.HasDynamicGlobals)
        {
            return [new Diagnostic(1, 1, DiagnosticSeverity.Info, DynamicGlobalsCode,
                "dynamic-globals: names not checked (the module writes globals() directly, so names may exist that no statement binds)")];
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var resolved in model.Names)
        {
            if (resolved.Kind != PythonNameResolutionKind.Unresolved || resolved.Reference.GuardedByNameError)
            {
                continue;
            }

            var reference = resolved.Reference;
            var laterBinding = LaterModuleBinding(model, reference);
            var message = laterBinding
                ? $"undefined name '{reference.Name}' (it is bound only later in the module, after this code runs)"
                : $"undefined name '{reference.Name}'";
            diagnostics.Add(new Diagnostic(reference.Span.StartLine, reference.Span.StartColumn + 1, DiagnosticSeverity.Error, Code, message));
        }

        return diagnostics;
    }

    private static bool LaterModuleBinding(PythonScopeModel model, PythonNameReference reference) =>
        model.Module.BindingsOf(reference.Name).Any(b => b.Defines && b.Region is null);
}
