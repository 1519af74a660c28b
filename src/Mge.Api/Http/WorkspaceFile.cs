namespace Mge.Api.Http;

/// <summary>One file of a generated workspace: its path inside the project (forward slashes) and size in bytes.</summary>
public sealed record WorkspaceFile(string Path, long Size);
