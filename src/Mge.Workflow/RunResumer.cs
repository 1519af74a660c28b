using System.Globalization;
using Mge.Pipeline.Runs;

namespace Mge.Workflow;

/// <summary>
/// Resumes a run that stopped at its budget cap. The run journal takes the new cap and reopens the run; the
/// host then schedules <see cref="GenerationOrchestrator"/> with <see cref="ResumedRun.Input"/>
/// under <see cref="ResumedRun.InstanceId"/> ("{runId}:r2", "{runId}:r3", ...: a new orchestration instance over
/// the same run id). The orchestration starts again from discovery, but every phase is idempotent and every
/// journaled model call is answered from storage, so only the calls that were never made are paid for.
/// Schedule the resumed instance once the stopped one has ended (its activities still in flight may otherwise
/// race the new ones for the same call keys).
/// </summary>
public sealed class RunResumer(RunJournal journal)
{
    public async Task<ResumedRun> ResumeAsync(string runId, decimal newCapUsd, CancellationToken cancellationToken = default)
    {
        var run = await journal.ResumeAsync(runId, newCapUsd, cancellationToken).ConfigureAwait(false);
        return new ResumedRun(InstanceId(run.RunId, run.Resumes), new GenerationInput(run.RunId, run.Options));
    }

    /// <summary>The orchestration instance id of a run's <paramref name="resumes"/>-th resume (0: the run id itself).</summary>
    public static string InstanceId(string runId, int resumes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(resumes);
        return resumes == 0 ? runId : string.Create(CultureInfo.InvariantCulture, $"{runId}:r{resumes + 1}");
    }
}
