using System.Globalization;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Runs;
using Mge.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mge.Api.Http;

/// <summary>
/// Starts a generation: validates the request text, project type and option overrides (every problem reported
/// per field), stores the run in the run journal and schedules the orchestration with the run id as instance id.
/// The one code path behind <c>POST /api/projects</c> and a chat message that asks for a generation.
/// </summary>
public sealed class GenerationStarter(
    RunJournal journal,
    GenerationRequestValidator validator,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    IRunManagementUrls managementUrls,
    ILogger<GenerationStarter> logger)
{
    /// <summary>An example body, for problem details.</summary>
    public static readonly string ExampleBody =
        $"{{\"request\": \"Create a FastAPI REST API for task management with users, tasks and comments\", \"projectType\"?: \"{ProjectTypeParser.Accepted}\", \"options\"?: {{\"concurrency\": 10, \"maxWaveSize\": 50, \"maxRepairAttempts\": 2, \"maxAtomRepairAttempts\": 2, \"atomBatchSize\": 25, \"budgetUsd\": 5}}}}";

    /// <param name="owner">The user the run belongs to (<see cref="CallerIdentity.RunOwner"/>).</param>
    public async Task<StartOutcome> StartAsync(StartGenerationBody body, string owner, DurableTaskClient client, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? title = null;
        string? type = null;

        if (validator.Problem(body.Request) is { } requestProblem)
        {
            errors["request"] = [requestProblem];
            (title, type) = ("The request cannot be generated", ProblemTypes.InvalidRequest);
        }

        ProjectType? projectType = null;
        if (body.ProjectType is not null)
        {
            if (ProjectTypeParser.TryParse(body.ProjectType, out var parsed, out var typeError))
            {
                projectType = parsed;
            }
            else
            {
                errors["projectType"] = [typeError];
                (title, type) = (title ?? "Unknown project type", type ?? ProblemTypes.UnknownProjectType);
            }
        }

        var options = Apply(pipelineOptions.Value.DefaultGenerationOptions(projectType), body.Options);
        foreach (var (field, problem) in OptionProblems(options))
        {
            errors["options." + field] = [problem];
            (title, type) = (title ?? "Invalid options", type ?? ProblemTypes.InvalidOptions);
        }

        var runId = RunIds.New(time.GetUtcNow());
        var input = new GenerationInput(runId, options);
        if (errors.Count == 0 && input.OptionsProblem() is { } optionsProblem)
        {
            errors["options"] = [optionsProblem];
            (title, type) = ("Invalid options", ProblemTypes.InvalidOptions);
        }

        if (errors.Count > 0)
        {
            var detail = string.Join(" ", errors.SelectMany(e => e.Value));
            return new StartOutcome(null, ApiResponses.Problem(StatusCodes.Status400BadRequest, type!, title!, detail, errors));
        }

        await journal.CreateAsync(new GenerationRequest(runId, body.Request!.Trim(), options, time.GetUtcNow(), owner), cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(WorkflowNames.GenerationOrchestrator), input, new StartOrchestrationOptions(runId), cancellationToken);
        logger.LogInformation("Run {RunId} scheduled for {Owner}", runId, owner);
        return new StartOutcome(managementUrls.For(client, request, runId), null);
    }

    private static GenerationOptions Apply(GenerationOptions defaults, GenerationOptionOverrides? overrides) => overrides is null
        ? defaults
        : defaults with
        {
            Concurrency = overrides.Concurrency ?? defaults.Concurrency,
            MaxWaveSize = overrides.MaxWaveSize ?? defaults.MaxWaveSize,
            MaxRepairAttempts = overrides.MaxRepairAttempts ?? defaults.MaxRepairAttempts,
            MaxAtomRepairAttempts = overrides.MaxAtomRepairAttempts ?? defaults.MaxAtomRepairAttempts,
            AtomBatchSize = overrides.AtomBatchSize ?? defaults.AtomBatchSize,
            BudgetUsd = overrides.BudgetUsd ?? defaults.BudgetUsd,
        };

    private static IEnumerable<(string Field, string Problem)> OptionProblems(GenerationOptions options)
    {
        if (Outside(options.Concurrency, 1, GenerationOptionLimits.MaxConcurrency) is { } concurrency)
        {
            yield return ("concurrency", concurrency);
        }

        if (Outside(options.MaxWaveSize, 1, GenerationOptionLimits.MaxWaveSize) is { } waveSize)
        {
            yield return ("maxWaveSize", waveSize);
        }

        if (Outside(options.MaxRepairAttempts, 0, GenerationOptionLimits.MaxRepairAttempts) is { } repairs)
        {
            yield return ("maxRepairAttempts", repairs);
        }

        if (Outside(options.MaxAtomRepairAttempts, 0, GenerationOptionLimits.MaxRepairAttempts) is { } atomRepairs)
        {
            yield return ("maxAtomRepairAttempts", atomRepairs);
        }

        if (Outside(options.AtomBatchSize, 1, GenerationOptionLimits.MaxAtomBatchSize) is { } batch)
        {
            yield return ("atomBatchSize", batch);
        }

        if (options.BudgetUsd is { } budget && (budget <= 0 || budget > GenerationOptionLimits.MaxBudgetUsd))
        {
            yield return ("budgetUsd", string.Create(CultureInfo.InvariantCulture, $"must be more than 0 and at most {GenerationOptionLimits.MaxBudgetUsd} USD (was {budget})."));
        }
    }

    private static string? Outside(int value, int min, int max) => value < min || value > max
        ? string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (was {value}).")
        : null;
}
