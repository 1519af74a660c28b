namespace Mge.CodeIntelligence.Paths;

/// <summary>Where a resolved path came from, in the order the resolver tries them.</summary>
public enum PathSource
{
    ExplicitMetadata,
    TaskTargetFile,
    CodeDefinitions,
    TaskWording,
    NamedFallback,
}

/// <summary>
/// What is known about a block of generated code when its file path must be decided. ExplicitPath is the
/// path the model wrote (a "# path:" line), if any: it is untrusted input.
/// </summary>
public sealed record PathResolutionInput(
    string? ExplicitPath,
    IReadOnlyList<string> TaskTargetFiles,
    string Code,
    string LanguageExtension,
    string TaskName,
    string TaskDescription,
    int TaskNumber,
    int BlockIndex);

/// <summary>
/// The decided workspace-relative path (forward slashes, no "..", never absolute) and how it was decided;
/// <see cref="Note"/> says what was confined or rejected on the way (e.g. "../../x was outside the workspace").
/// </summary>
public sealed record ResolvedPath(string Path, PathSource Source, string? Note);
