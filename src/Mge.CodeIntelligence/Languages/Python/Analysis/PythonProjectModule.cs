namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>What kind of importable thing a project path is.</summary>
public enum PythonModuleKind
{
    /// <summary>A single .py/.pyi file.</summary>
    Module,
    /// <summary>A directory with an __init__ file (Path is the __init__ file).</summary>
    Package,
    /// <summary>A directory holding Python files but no __init__ (PEP 420); Path is the directory.</summary>
    NamespacePackage,
}

/// <summary>A module or package of the project found by an import: its kind and its workspace-relative path.</summary>
public sealed record PythonProjectModule(PythonModuleKind Kind, string Path)
{
    /// <summary>The directory that submodules of this module live in, or null for a plain module.</summary>
    public string? PackageDirectory => Kind switch
    {
        PythonModuleKind.Package => Path[..Math.Max(0, Path.LastIndexOf('/'))],
        PythonModuleKind.NamespacePackage => Path,
        _ => null,
    };
}
