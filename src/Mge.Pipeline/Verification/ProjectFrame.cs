namespace Mge.Pipeline.Verification;

/// <summary>A stack frame in the project's own files: what a repair needs to find the failing line.</summary>
/// <param name="Path">Relative to the workspace, with '/' separators.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column where the runtime gives one (JavaScript), else null (Python).</param>
/// <param name="Function">The function named by the frame, when given.</param>
public sealed record ProjectFrame(string Path, int Line, int? Column, string? Function);
