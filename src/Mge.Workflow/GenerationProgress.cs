namespace Mge.Workflow;

/// <summary>
/// The orchestration's custom status (kept small: it is stored with every history update): the phase the run
/// is in and how many of that phase's units (tasks, batches, waves) are done; <see cref="Wave"/> is set while
/// waves execute.
/// </summary>
public sealed record GenerationProgress(string Phase, int Done, int Total, int? Wave = null);
