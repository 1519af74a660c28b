using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Storage;

/// <summary>
/// One task of the masterplan (table "tasks", partition run id, row "0007"): the plan's fields, and then what
/// code generation, validation and repair made of it. Token and cost fields add up all of the task's model
/// calls (code + repairs), recomputed from the call journal so that re-runs never count twice.
/// </summary>
public sealed record TaskRecord
{
    public required int Number { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Complexity { get; init; } = "medium";
    public IReadOnlyList<string> TargetFiles { get; init; } = [];
    public IReadOnlyList<int> DependsOn { get; init; } = [];

    /// <summary>One of <see cref="TaskStates"/>.</summary>
    public string Status { get; init; } = TaskStates.Planned;
    public string? Model { get; init; }
    public long LlmTokensInput { get; init; }
    public long LlmTokensOutput { get; init; }
    public long LlmCachedTokens { get; init; }
    public decimal LlmCostUsd { get; init; }
    public int LlmCalls { get; init; }

    /// <summary>Code generations of this task so far: 1 after generation, 1 + n after n repairs.</summary>
    public int Attempts { get; init; }
    public string? LastError { get; init; }

    /// <summary>Blob (container "runs") of the last prompt and response for this task.</summary>
    public string? PromptBlob { get; init; }
    public string? ResponseBlob { get; init; }

    public IReadOnlyList<TaskFileRecord> Files { get; init; } = [];

    /// <summary>The last validation's findings (errors and warnings) for this task's files.</summary>
    public IReadOnlyList<TaskDiagnosticRecord> Diagnostics { get; init; } = [];

    /// <summary>Checks the last validation could not run for this task's files ("types", "no language service for .md").</summary>
    public IReadOnlyList<string> ChecksSkipped { get; init; } = [];

    public UsageTotals Usage => new(LlmTokensInput, LlmTokensOutput, LlmCachedTokens, LlmCostUsd, LlmCalls);

    public PlanTask ToPlanTask() => new()
    {
        Number = Number,
        Name = Name,
        Description = Description,
        Complexity = Complexity,
        TargetFiles = TargetFiles,
        DependsOn = DependsOn,
    };

    public static TaskRecord FromPlanTask(PlanTask task) => new()
    {
        Number = task.Number,
        Name = task.Name,
        Description = task.Description,
        Complexity = task.Complexity,
        TargetFiles = task.TargetFiles,
        DependsOn = task.DependsOn,
    };

    /// <summary>This record with its usage fields replaced.</summary>
    public TaskRecord WithUsage(UsageTotals usage) => this with
    {
        LlmTokensInput = usage.InputTokens,
        LlmTokensOutput = usage.OutputTokens,
        LlmCachedTokens = usage.CachedTokens,
        LlmCostUsd = usage.CostUsd,
        LlmCalls = usage.Calls,
    };
}
