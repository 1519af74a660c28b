namespace Mge.CodeIntelligence.Languages;

/// <summary>One file of a project: its workspace-relative path (forward slashes) and its text.</summary>
public sealed record SourceFile(string Path, string Text);
