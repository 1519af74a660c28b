namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// One file the infrastructure phase writes: the Scriban template it is rendered from (relative to the
/// templates directory, forward slashes) and the workspace-relative path it is written to.
/// </summary>
public sealed record InfrastructureFile(string TemplateName, string OutputPath);
