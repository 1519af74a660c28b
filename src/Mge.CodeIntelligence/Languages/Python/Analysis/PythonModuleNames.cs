namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Converts between workspace-relative file paths and dotted Python module names
/// ("app/models/user.py" is "app.models.user", "app/models/__init__.py" is "app.models").
/// </summary>
public static class PythonModuleNames
{
    /// <summary>True for the extensions that hold importable Python source (".py", ".pyi").</summary>
    public static bool IsPythonSource(string path) =>
        path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The module name of a source file relative to the workspace root, or null when the path is not Python
    /// source or one of its parts is not an identifier (such a file cannot be imported by that name).
    /// </summary>
    public static string? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = NormalizePath(path);
        if (!IsPythonSource(normalized))
        {
            return null;
        }

        var withoutExtension = normalized[..normalized.LastIndexOf('.')];
        var parts = withoutExtension.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[^1] == "__init__")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0 || !parts.All(IsIdentifier))
        {
            return null;
        }

        return string.Join('.', parts);
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
        var module = FromPath(path) ?? string.Empty;
        if (IsPackageInit(path))
        {
            return module;
        }

        var dot = module.LastIndexOf('.');
        return dot < 0 ? string.Empty : module[..dot];
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
}
