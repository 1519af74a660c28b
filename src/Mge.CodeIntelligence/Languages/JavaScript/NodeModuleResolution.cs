namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// Node's rules for relative specifiers ("./x", "../lib/y"), applied to the project's file list rather
/// than the disk: the exact file, then with .js/.mjs/.cjs/.json added, then a directory's package.json
/// (its "main" cannot be read from a file list, so a directory with a package.json counts as resolved and
/// maps to its index file when there is one) or index.js/.mjs/.cjs/.json. Also classifies bare specifiers.
/// </summary>
public static class NodeModuleResolution
{
    private static readonly string[] FileExtensions = [".js", ".mjs", ".cjs", ".json"];
    private static readonly string[] IndexFiles = ["index.js", "index.mjs", "index.cjs", "index.json"];

    /// <summary>"./x", "../x", "." and "..": resolved against the importing file's directory.</summary>
    public static bool IsRelative(string specifier) =>
        specifier is "." or ".." || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal);

    /// <summary>
    /// The project file a relative specifier names, or null. <paramref name="fromFile"/> is the importing
    /// file's workspace path; paths use forward slashes.
    /// </summary>
    public static string? ResolveRelative(string fromFile, string specifier, IReadOnlySet<string> projectFiles)
    {
        ArgumentNullException.ThrowIfNull(fromFile);
        ArgumentNullException.ThrowIfNull(specifier);
        ArgumentNullException.ThrowIfNull(projectFiles);

        var slash = fromFile.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : fromFile[..slash];
        var joined = directory.Length == 0 ? specifier : directory + "/" + specifier;
        var basePath = Collapse(joined);
        if (basePath is null)
        {
            return null;
        }

        var directoryOnly = specifier.EndsWith('/') || specifier is "." or "..";
        if (!directoryOnly && basePath.Length > 0)
        {
            if (projectFiles.Contains(basePath))
            {
                return basePath;
            }

            foreach (var extension in FileExtensions)
            {
                if (projectFiles.Contains(basePath + extension))
                {
                    return basePath + extension;
                }
            }
        }

        var prefix = basePath.Length == 0 ? string.Empty : basePath + "/";
        foreach (var index in IndexFiles)
        {
            if (projectFiles.Contains(prefix + index))
            {
                return prefix + index;
            }
        }

        return projectFiles.Contains(prefix + "package.json") ? prefix + "package.json" : null;
    }

    /// <summary>
    /// The package name of a bare specifier: "lodash/fp" -> "lodash", "@scope/pkg/sub" -> "@scope/pkg";
    /// null for relative, absolute or malformed specifiers.
    /// </summary>
    public static string? PackageName(string specifier)
    {
        if (string.IsNullOrEmpty(specifier) || IsRelative(specifier) || specifier.StartsWith('/') || specifier.Contains('\\'))
        {
            return null;
        }

        var parts = specifier.Split('/');
        if (specifier.StartsWith('@'))
        {
            return parts.Length >= 2 && parts[0].Length > 1 && parts[1].Length > 0 ? parts[0] + "/" + parts[1] : null;
        }

        return parts[0].Length > 0 ? parts[0] : null;
    }

    /// <summary>
    /// Declared dependency names from package.json-style entries: "express", "express@^4", "@scope/pkg@1"
    /// all give the bare name.
    /// </summary>
    public static string DependencyName(string declared)
    {
        var text = declared.Trim();
        var at = text.IndexOf('@', text.StartsWith('@') ? 1 : 0);
        return at > 0 ? text[..at] : text;
    }

    private static string? Collapse(string path)
    {
        var stack = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            stack.Add(part);
        }

        return string.Join('/', stack);
    }
}
