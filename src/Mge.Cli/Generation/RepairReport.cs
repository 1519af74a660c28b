namespace Mge.Cli.Generation;

/// <summary>How much repairing a run needed before its code validated: tasks failing the first check, and the repair rounds run.</summary>
public sealed record RepairReport(int TasksFailingFirstCheck, int RepairRounds);
