namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Maps Python file paths to dotted module names and back: "app/models/user.py" is "app.models.user",
/// "app/models/__init__.py" is "app.models"; a leading "src/" folder is also accepted as a root.
/// Relative imports (<c>Level</c> dots) are resolved against the importing file's package.
/// </summary>
public static class PythonModuleNames
{
    /// <summary>"app/models/user.py" -> "app.models.user"; null for non-Python paths.</summary>
    public static string? ModuleOf(string filePath)
    {
        if (!filePath.EndsWith(".py", StringComparison.Ordinal))
        {
            return null;
        }

        var withoutExtension = filePath[..^3];
        if (withoutExtension == "__init__")
        {
            return null;
        }

        if (withoutExtension.EndsWith("/__init__", StringComparison.Ordinal))
        {
            withoutExtension = withoutExtension[..^"/__init__".Length];
        }

        return withoutExtension.Replace('/', '.');
    }

    /// <summary>
    /// The absolute dotted module an import names: <c>from ..models import x</c> in "app/routers/users.py"
    /// (module "models", level 2) is "app.models". Null when the dots climb above the project root.
    /// </summary>
    public static string? AbsoluteModule(string importingFile, string module, int level)
    {
        if (level <= 0)
        {
            return module;
        }

        var parts = importingFile.Split('/').ToList();
        parts.RemoveAt(parts.Count - 1);

        // One dot is the importing file's own package; each further dot climbs one package.
        for (var i = 1; i < level; i++)
        {
            if (parts.Count == 0)
            {
                return null;
            }

            parts.RemoveAt(parts.Count - 1);
        }

        if (!string.IsNullOrEmpty(module))
        {
            parts.AddRange(module.Split('.'));
        }

        return parts.Count == 0 ? null : string.Join('.', parts);
    }
}
