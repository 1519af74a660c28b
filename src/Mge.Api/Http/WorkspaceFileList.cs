namespace Mge.Api.Http;

/// <summary>The answer of <c>GET /api/projects/{id}/files</c>: the zip's file name and every file in it.</summary>
public sealed record WorkspaceFileList(string Id, string ZipName, IReadOnlyList<WorkspaceFile> Files);
