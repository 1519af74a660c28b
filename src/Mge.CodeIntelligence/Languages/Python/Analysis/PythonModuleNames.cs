namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Converts between workspace-relative file paths and dotted Python module names, the one place that knows how
/// ("app/models/user.py" is "app.models.user", "app/models/__init__.py" is "app.models"). A stub names the same
/// module as its source ("app/db.pyi" is "app.db"), and a top-level "src/" folder is the root of a src layout, as
/// Python packaging treats it ("src/app/main.py" is "app.main").
/// </summary>
public static class PythonModuleNames
{
    /// <summary>The folder a src layout keeps its packages in; it is a root, not a package.</summary>
    public const string SourceLayoutRoot = "src";

    /// <summary>True for the extensions that hold importable Python source (".py", ".pyi").</summary>
    public static bool IsPythonSource(string path) =>
        path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a stub file (".pyi"): it declares the module its ".py" namesake implements.</summary>
    public static bool IsStub(string path) => path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The module name of a source file relative to the workspace root, or null when the path is not Python
    /// source or one of its parts is not an identifier (such a file cannot be imported by that name).
    /// </summary>
    public static string? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ModuleParts(path) is { Count: > 0 } parts && parts.TrueForAll(IsIdentifier) ? string.Join('.', parts) : null;
    }

    /// <summary>
    /// Every dotted name an import can reach the file by: its module name and, under a src layout, also that
    /// name below "src" (run from the workspace root, "src" is importable as a namespace package). Empty when the
    /// file cannot be imported by name.
    /// </summary>
    public static IReadOnlyList<string> ImportNames(string path)
    {
        if (FromPath(path) is not { } module)
        {
            return [];
        }

        return IsUnderSourceLayoutRoot(NormalizePath(path)) ? [module, $"{SourceLayoutRoot}.{module}"] : [module];
    }

    /// <summary>True when the file is a package's __init__ (its module name is the package).</summary>
    public static bool IsPackageInit(string path)
    {
        var name = NormalizePath(path);
        var slash = name.LastIndexOf('/');
        var file = slash < 0 ? name : name[(slash + 1)..];
        return file is "__init__.py" or "__init__.pyi";
    }

    /// <summary>
    /// The package a relative import in this file is resolved from: the file's own package for __init__
    /// files, otherwise the directory's ("app/routers/users.py" gives "app.routers"; "main.py" gives "").
    /// </summary>
    public static string PackageOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ModuleParts(path) is not { } parts)
        {
            return string.Empty;
        }

        if (!IsPackageInit(path) && parts.Count > 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.TrueForAll(IsIdentifier) ? string.Join('.', parts) : string.Empty;
    }

    /// <summary>
    /// The absolute dotted module an import names: <c>from ..models import x</c> in "app/routers/users.py"
    /// (module "models", level 2) is "app.models". Null when the dots climb above the top-level package or
    /// name nothing.
    /// </summary>
    public static string? AbsoluteModule(string importingPath, string module, int level)
    {
        if (level <= 0)
        {
            return module;
        }

        var package = PackageOf(importingPath);

        // One dot is the importing file's own package; each further dot climbs one package.
        for (var i = 1; i < level; i++)
        {
            if (package.Length == 0)
            {
                return null;
            }

            var dot = package.LastIndexOf('.');
            package = dot < 0 ? string.Empty : package[..dot];
        }

        var absolute = package.Length == 0 ? module : string.IsNullOrEmpty(module) ? package : $"{package}.{module}";
        return string.IsNullOrEmpty(absolute) ? null : absolute;
    }

    /// <summary>Forward slashes, no leading "./" or "/".</summary>
    public static string NormalizePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized.TrimStart('/');
    }

    /// <summary>A Python identifier as far as module names go (ASCII letters, digits, '_' and any non-ASCII letter).</summary>
    public static bool IsIdentifier(string part) =>
        part.Length > 0
        && (char.IsLetter(part[0]) || part[0] == '_')
        && part.All(c => char.IsLetterOrDigit(c) || c == '_');

    // The path's parts below its import root, without the extension and a trailing __init__; null for non-Python paths.
    private static List<string>? ModuleParts(string path)
    {
        var normalized = NormalizePath(path);
        if (!IsPythonSource(normalized))
        {
            return null;
        }

        var withoutExtension = normalized[..normalized.LastIndexOf('.')];
        var parts = withoutExtension.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (IsUnderSourceLayoutRoot(normalized))
        {
            parts.RemoveAt(0);
        }

        if (parts.Count > 0 && parts[^1] == "__init__")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    private static bool IsUnderSourceLayoutRoot(string normalizedPath) =>
        normalizedPath.StartsWith(SourceLayoutRoot + "/", StringComparison.Ordinal);
}
