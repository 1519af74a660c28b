namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// One file the infrastructure phase writes: the Scriban template it is rendered from (relative to the
/// templates directory, forward slashes), the workspace-relative path it is written to, and whether the phase
/// owns it. An owned file (Dockerfile, compose, manifest, .env.example) must agree with the stack definition,
/// so it is always rendered and a plan may not target it; a file that is not owned (README.md, .gitignore)
/// is rendered only when the generated code does not provide one.
/// </summary>
public sealed record InfrastructureFile(string TemplateName, string OutputPath, bool Owned);
