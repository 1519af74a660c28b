using System.Text;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Phase 9: renders the project stack's infrastructure files (Dockerfile, docker-compose.yml, .env.example,
/// requirements.txt or package.json, README.md, .gitignore, .dockerignore) into the run's workspace blobs,
/// from the project type's stack definition. A file the phase owns (see <see cref="InfrastructureFile.Owned"/>)
/// is always rendered, replacing any code that took its path, so that it agrees with the definition; any other
/// file the generated code already provides is kept. Re-running renders the same text to the same blobs.
/// </summary>
public sealed class InfrastructurePhase
{
    private readonly RunRepository _repository;
    private readonly TemplateRenderer _renderer;
    private readonly RunJournal _journal;
    private readonly IProgressPublisher _progress;

    public InfrastructurePhase(RunRepository repository, RunJournal journal, TemplateRenderer renderer, IProgressPublisher progress)
    {
        _repository = repository;
        _renderer = renderer;
        _journal = journal;
        _progress = progress;
    }

    public async Task<InfrastructureOutcome> GenerateAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Infrastructure, cancellationToken).ConfigureAwait(false);
        var plan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no masterplan; infrastructure needs the project type and name from it.");
        var discovery = await _repository.GetDiscoveryAsync(runId, cancellationToken).ConfigureAwait(false);
        var stack = ProjectStacks.For(plan.ProjectType);

        // Code files are those the tasks produced; anything else under the workspace prefix is an earlier
        // render of this phase and may be rendered again.
        var codeFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            codeFiles.UnionWith(task.Files.Select(f => f.Path));
        }

        var written = await ListWorkspaceAsync(runId, cancellationToken).ConfigureAwait(false);
        var layout = written.Where(codeFiles.Contains)
            .Concat(stack.InfrastructureFiles.Select(f => f.OutputPath))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var model = InfrastructureModelBuilder.Build(stack, discovery?.Document, plan.Plan, layout);

        var generated = new List<string>();
        foreach (var file in stack.InfrastructureFiles)
        {
            if (!file.Owned && codeFiles.Contains(file.OutputPath))
            {
                continue;
            }

            var text = await _renderer.RenderAsync(file.TemplateName, model, cancellationToken).ConfigureAwait(false);
            await _repository.Blobs.PutAsync(
                StorageNames.RunsContainer,
                StorageKeys.Blobs.WorkspaceFile(runId, file.OutputPath),
                Encoding.UTF8.GetBytes(text),
                cancellationToken).ConfigureAwait(false);
            generated.Add(file.OutputPath);
        }

        await _progress.PublishAsync(ProgressEvents.InfrastructureGenerationComplete(runId, generated.Count, stack.Name), cancellationToken).ConfigureAwait(false);
        return new InfrastructureOutcome(generated.Count, stack.Name, generated);
    }

    private async Task<IReadOnlyList<string>> ListWorkspaceAsync(string runId, CancellationToken cancellationToken)
    {
        var prefix = StorageKeys.Blobs.WorkspacePrefix(runId);
        var paths = new List<string>();
        await foreach (var name in _repository.Blobs.ListAsync(StorageNames.RunsContainer, prefix, cancellationToken).ConfigureAwait(false))
        {
            paths.Add(name[prefix.Length..]);
        }

        return paths;
    }
}
