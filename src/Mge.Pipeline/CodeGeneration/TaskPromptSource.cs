using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.CodeGeneration;

/// <summary>What code and repair prompts are built from: the run's shared project part and a task's dependency signatures, read from storage.</summary>
public sealed class TaskPromptSource
{
    private readonly RunJournal _journal;
    private readonly RunRepository _repository;

    public TaskPromptSource(RunJournal journal, RunRepository repository)
    {
        _journal = journal;
        _repository = repository;
    }

    /// <summary>The shared part of every code/repair prompt of the run (request, project type, discovery, plan in brief).</summary>
    public async Task<ProjectPrompt> LoadProjectAsync(string runId, CancellationToken cancellationToken)
    {
        var request = await _journal.GetRequestAsync(runId, cancellationToken).ConfigureAwait(false);
        var discovery = await _repository.GetDiscoveryAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no discovery; run the discovery phase first.");
        var plan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no masterplan; run the masterplan phase first.");
        var briefs = plan.Plan.Tasks.OrderBy(t => t.Number).Select(t => new PlanTaskBrief(t.Number, t.Name, t.TargetFiles)).ToList();
        return new ProjectPrompt(request.Request, plan.ProjectType, discovery.Document, briefs);
    }

    /// <summary>The signatures of the current files of the tasks <paramref name="task"/> depends on, in dependency order.</summary>
    public async Task<IReadOnlyList<FileSignatures>> LoadDependencySignaturesAsync(string runId, TaskRecord task, CancellationToken cancellationToken)
    {
        var signatures = new List<FileSignatures>();
        foreach (var dependency in task.DependsOn.Order())
        {
            var files = await _repository.GetTaskFilesAsync(runId, dependency, cancellationToken).ConfigureAwait(false);
            signatures.AddRange(PromptBuilder.Signatures(files));
        }

        return signatures;
    }
}
