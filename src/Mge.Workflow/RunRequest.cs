using Mge.Pipeline.Domain;

namespace Mge.Workflow;

/// <summary>
/// What a caller asks for: the sentence, optionally the project type (parsed by the caller's edge) and option
/// overrides, and the user the run belongs to.
/// </summary>
public sealed record RunRequest(string? Text, ProjectType? ProjectType = null, GenerationOptionOverrides? Options = null, string Owner = RunRequest.LocalOwner)
{
    /// <summary>The owner of runs started from a local host (the CLI, <c>mge serve</c> without sign-in).</summary>
    public const string LocalOwner = "local";
}
