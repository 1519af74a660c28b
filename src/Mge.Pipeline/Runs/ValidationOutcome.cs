namespace Mge.Pipeline.Runs;

/// <summary>Phase 4 over the whole project: which tasks still fail, and which checks could not be run.</summary>
public sealed record ValidationOutcome(int TotalTasks, IReadOnlyList<int> FailingTasks, int Errors, int Warnings, IReadOnlyList<string> ChecksSkipped);
