namespace Mge.CodeIntelligence.Paths;

/// <summary>Thrown when a path would be written or extracted outside its workspace root (zip-slip and friends).</summary>
public sealed class PathOutsideWorkspaceException : IOException
{
    public PathOutsideWorkspaceException(string root, string relativePath, string reason)
        : base($"Refusing path '{relativePath}': it is not inside the workspace '{root}' because {reason}.")
    {
        Root = root;
        RelativePath = relativePath;
    }

    public string Root { get; }

    public string RelativePath { get; }
}
