using System.Globalization;

namespace Mge.Pipeline.Domain;

/// <summary>Per-run knobs, chosen by the caller and carried in the orchestration input (small, deterministic).</summary>
public sealed record GenerationOptions
{
    /// <summary>Null: detected from the request.</summary>
    public ProjectType? ProjectType { get; init; }

    /// <summary>At most this many model calls in flight during code generation.</summary>
    public int Concurrency { get; init; } = 10;

    /// <summary>Waves larger than this are split.</summary>
    public int MaxWaveSize { get; init; } = 50;

    /// <summary>Regenerations of a task whose code fails validation.</summary>
    public int MaxRepairAttempts { get; init; } = 2;

    /// <summary>Repairs of an atom that fails its check during wave execution.</summary>
    public int MaxAtomRepairAttempts { get; init; } = 2;

    /// <summary>Atoms handled by one wave-execution activity.</summary>
    public int AtomBatchSize { get; init; } = 25;

    /// <summary>Budget cap of this run in USD; null: the pipeline's default (Mge:Pipeline:RunCapUsd); 0: no cap.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>
    /// What is wrong with these options, per field (the JSON names: "concurrency", "maxWaveSize", ...); empty when a run
    /// can use them. The one rule set every host applies (see <see cref="GenerationOptionLimits"/>).
    /// </summary>
    public IReadOnlyList<OptionProblem> Problems()
    {
        var problems = new List<OptionProblem>();
        Check(problems, "concurrency", Concurrency, 1, GenerationOptionLimits.MaxConcurrency);
        Check(problems, "maxWaveSize", MaxWaveSize, 1, GenerationOptionLimits.MaxWaveSize);
        Check(problems, "maxRepairAttempts", MaxRepairAttempts, 0, GenerationOptionLimits.MaxRepairAttempts);
        Check(problems, "maxAtomRepairAttempts", MaxAtomRepairAttempts, 0, GenerationOptionLimits.MaxRepairAttempts);
        Check(problems, "atomBatchSize", AtomBatchSize, 1, GenerationOptionLimits.MaxAtomBatchSize);
        if (BudgetUsd is < 0)
        {
            problems.Add(new("budgetUsd", string.Create(CultureInfo.InvariantCulture, $"cannot be negative (was {BudgetUsd}); 0 means no cap.")));
        }
        else if (BudgetUsd > GenerationOptionLimits.MaxBudgetUsd)
        {
            problems.Add(new("budgetUsd", string.Create(CultureInfo.InvariantCulture, $"must be at most {GenerationOptionLimits.MaxBudgetUsd} USD (was {BudgetUsd}); 0 means no cap.")));
        }

        return problems;
    }

    private static void Check(List<OptionProblem> problems, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (was {value}).")));
        }
    }
}

/// <summary>One thing wrong with <see cref="GenerationOptions"/>: the field (its JSON name) and what is wrong with it.</summary>
public sealed record OptionProblem(string Field, string Message);
