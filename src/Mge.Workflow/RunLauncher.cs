using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mge.Workflow;

/// <summary>
/// The one way a run starts, in every host (the CLI, <c>mge serve</c>, the Functions app): checks the request and its
/// options with one rule set (<see cref="GenerationRequestValidator"/>, <see cref="GenerationOptions.Problems"/>),
/// makes the run id (<see cref="RunIds"/>), stores the request in the run journal and schedules the orchestration
/// with the run id as its instance id.
/// </summary>
public sealed class RunLauncher(
    RunJournal journal, GenerationRequestValidator validator, IOptions<PipelineOptions> pipelineOptions, TimeProvider time, ILogger<RunLauncher> logger)
{
    /// <summary>The options the run would use, or <see cref="RunRequestException"/> with every problem. Stores nothing.</summary>
    public GenerationOptions Check(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (validator.Problem(request.Text) is { } textProblem)
        {
            problems["request"] = textProblem;
        }

        var defaults = pipelineOptions.Value.DefaultGenerationOptions(request.ProjectType);
        var options = request.Options?.ApplyTo(defaults) ?? defaults;
        foreach (var problem in options.Problems())
        {
            problems["options." + problem.Field] = problem.Message;
        }

        return problems.Count == 0 ? options : throw new RunRequestException(problems);
    }

    /// <summary>Checks, stores and schedules the run; returns its id (also the orchestration's instance id).</summary>
    public async Task<string> LaunchAsync(RunRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = Check(request);
        var now = time.GetUtcNow();
        var runId = RunIds.New(now);
        await journal.CreateAsync(new GenerationRequest(runId, request.Text!.Trim(), options, now, request.Owner), cancellationToken).ConfigureAwait(false);
        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(WorkflowRegistration.OrchestratorName), new GenerationInput(runId, options), new StartOrchestrationOptions(runId), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Run {RunId} scheduled for {Owner}", runId, request.Owner);
        return runId;
    }
}
