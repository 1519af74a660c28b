using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;
using Microsoft.DurableTask;

namespace Mge.Workflow;

/// <summary>
/// One execution (or replay) of <see cref="GenerationOrchestrator"/>: the phase sequence and the state it
/// keeps between phases. Deterministic by construction: every decision depends only on activity results,
/// the input and <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>.
/// </summary>
internal sealed class GenerationRun
{
    private readonly TaskOrchestrationContext context;
    private readonly GenerationInput input;
    private readonly string run;
    private readonly Dictionary<string, double> phaseSeconds = new(StringComparer.Ordinal);
    private readonly DateTime startedAt;
    private PipelinePhase phase = PipelinePhase.Discovery;
    private DateTime phaseStartedAt;

    public GenerationRun(TaskOrchestrationContext context, GenerationInput input)
    {
        this.context = context;
        this.input = input;
        run = input.RunId;
        startedAt = context.CurrentUtcDateTime;
        phaseStartedAt = startedAt;
    }

    private int Concurrency => input.Options.Concurrency;

    public async Task<GenerationSummary> ExecuteAsync()
    {
        string reason;
        try
        {
            return await RunPhasesAsync();
        }
        catch (TaskFailedException failure) when (failure.FailureDetails.IsCausedBy<BudgetExceededException>())
        {
            // Not a failure: the run stops cleanly at its cap, keeps what it has, and can be resumed (RunResumer).
            var summary = await context.CallAsync(
                WorkflowSteps.StopForBudget, new RunMilestone(input.RunId, phase, Timings(), failure.FailureDetails.ErrorMessage));
            SetProgress(0, 1);
            return summary;
        }
        catch (TaskFailedException failure)
        {
            reason = failure.FailureDetails.ErrorMessage;
        }
        catch (PlanNotExecutableException problem)
        {
            reason = problem.Message;
        }

        SetProgress(0, 1);
        await context.CallAsync(WorkflowSteps.FailRun, new RunMilestone(input.RunId, phase, Timings(), reason));
        throw new GenerationFailedException(phase, reason);
    }

    private async Task<GenerationSummary> RunPhasesAsync()
    {
        var optionsProblem = input.OptionsProblem();
        if (optionsProblem is not null)
        {
            throw new PlanNotExecutableException(optionsProblem);
        }

        Begin(PipelinePhase.Discovery, 1);
        await context.CallAsync(WorkflowSteps.Discovery, run);

        Begin(PipelinePhase.MasterPlan, 1);
        var plan = await context.CallAsync(WorkflowSteps.MasterPlan, run);
        var tasks = TaskGraph.Order(plan.Tasks);

        Begin(PipelinePhase.CodeGeneration, tasks.Count);
        await GenerateCodeAsync(tasks);
        await context.CallAsync(WorkflowSteps.CompleteCodeGeneration, run);

        Begin(PipelinePhase.Validation, input.Options.MaxRepairAttempts + 1);
        await ValidateAndRepairAsync();

        var batches = AtomizationBatches(tasks);
        Begin(PipelinePhase.Atomization, batches.Count);
        await FanOutAsync(batches, batch => context.CallAsync(WorkflowSteps.AtomizeTasks, batch));
        await context.CallAsync(WorkflowSteps.CompleteAtomization, run);

        Begin(PipelinePhase.WavePlanning, 1);
        var waves = await context.CallAsync(
            WorkflowSteps.PlanWaves, new WavePlanRequest(input.RunId, input.Options.MaxWaveSize));

        Begin(PipelinePhase.WaveExecution, waves.AtomsPerWave.Count);
        await ExecuteWavesAsync(waves);
        await context.CallAsync(WorkflowSteps.CompleteExecution, run);

        Begin(PipelinePhase.FileWriting, 1);
        await context.CallAsync(WorkflowSteps.WriteFiles, run);

        Begin(PipelinePhase.Infrastructure, 1);
        await context.CallAsync(WorkflowSteps.GenerateInfrastructure, run);

        Begin(PipelinePhase.Verification, 1);
        await context.CallAsync(WorkflowSteps.VerifyProject, run);

        Begin(PipelinePhase.Delivery, 1);
        var summary = await context.CallAsync(WorkflowSteps.DeliverWorkspace, new RunMilestone(input.RunId, phase, Timings()));
        SetProgress(1, 1);
        return summary;
    }

    /// <summary>
    /// A sliding window over the plan's task graph: a task starts as soon as every task it depends on has
    /// finished and fewer than <see cref="Concurrency"/> calls are in flight; there are no batch barriers.
    /// Tasks become ready in number order, so the schedule is the same on every replay.
    /// </summary>
    private async Task GenerateCodeAsync(IReadOnlyList<TaskNode> tasks)
    {
        var finished = new HashSet<int>();
        var waiting = tasks.ToList();
        var inFlight = new List<(Task<TaskCodeOutcome> Call, int Number)>();
        while (finished.Count < tasks.Count)
        {
            for (var i = 0; i < waiting.Count && inFlight.Count < Concurrency;)
            {
                var task = waiting[i];
                if (task.DependsOn.All(finished.Contains))
                {
                    waiting.RemoveAt(i);
                    var call = context.CallAsync(WorkflowSteps.GenerateTaskCode, new TaskAttempt(input.RunId, task.Number, 1));
                    inFlight.Add((call, task.Number));
                }
                else
                {
                    i++;
                }
            }

            if (inFlight.Count == 0)
            {
                throw new PlanNotExecutableException(
                    $"The plan's tasks {string.Join(", ", waiting.Select(t => t.Number))} depend on each other in a cycle and can never start.");
            }

            var done = await Task.WhenAny(inFlight.Select(f => f.Call));
            var index = inFlight.FindIndex(f => f.Call == done);
            finished.Add(inFlight[index].Number);
            inFlight.RemoveAt(index);

            // A task whose generation failed (no code block, truncated code) still counts as finished: the
            // validation phase regenerates it with the errors fed back, and its dependants go on.
            await done;
            SetProgress(finished.Count, tasks.Count);
        }
    }

    /// <summary>Validate the whole project; while tasks fail and rounds remain, repair each failing task (bounded) and validate again.</summary>
    private async Task ValidateAndRepairAsync()
    {
        var validation = await context.CallAsync(WorkflowSteps.ValidateProject, run);
        SetProgress(1, input.Options.MaxRepairAttempts + 1);
        for (var round = 1; round <= input.Options.MaxRepairAttempts && validation.FailingTasks.Count > 0; round++)
        {
            var repairs = validation.FailingTasks.Distinct().Order().Select(n => new TaskAttempt(input.RunId, n, round + 1)).ToList();
            await FanOutAsync(repairs, repair => context.CallAsync(WorkflowSteps.RepairTaskCode, repair), reportProgress: false);
            validation = await context.CallAsync(WorkflowSteps.ValidateProject, run);
            SetProgress(round + 1, input.Options.MaxRepairAttempts + 1);
        }
    }

    /// <summary>Waves strictly in order; the batches of one wave fan out (bounded) and all finish before the wave is completed.</summary>
    private async Task ExecuteWavesAsync(WavePlanOutline waves)
    {
        var batchSize = input.Options.AtomBatchSize;
        for (var index = 0; index < waves.AtomsPerWave.Count; index++)
        {
            var wave = index + 1;
            var atoms = waves.AtomsPerWave[index];
            var batchCount = (atoms + batchSize - 1) / batchSize;
            var batches = Enumerable.Range(0, batchCount).Select(b => new WaveBatch(input.RunId, wave, b, batchSize)).ToList();
            SetProgress(index, waves.AtomsPerWave.Count, wave);
            await FanOutAsync(batches, batch => context.CallAsync(WorkflowSteps.ExecuteWaveBatch, batch), reportProgress: false);
            await context.CallAsync(WorkflowSteps.CompleteWave, new WaveBatch(input.RunId, wave));
            SetProgress(wave, waves.AtomsPerWave.Count, wave);
        }
    }

    /// <summary>
    /// Runs one activity call per item with at most <see cref="Concurrency"/> in flight, starting the next
    /// as soon as any finishes; results come back in item order.
    /// </summary>
    private async Task<IReadOnlyList<TResult>> FanOutAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> start, bool reportProgress = true)
    {
        var results = new TResult[items.Count];
        var inFlight = new List<(Task<TResult> Call, int Index)>();
        var next = 0;
        var done = 0;
        while (done < items.Count)
        {
            while (inFlight.Count < Concurrency && next < items.Count)
            {
                inFlight.Add((start(items[next]), next));
                next++;
            }

            var finished = await Task.WhenAny(inFlight.Select(f => f.Call));
            var position = inFlight.FindIndex(f => f.Call == finished);
            results[inFlight[position].Index] = await finished;
            inFlight.RemoveAt(position);
            done++;
            if (reportProgress)
            {
                SetProgress(done, items.Count);
            }
        }

        return results;
    }

    /// <summary>All plan tasks, split into at most <see cref="Concurrency"/> batches of consecutive task numbers.</summary>
    private List<TaskBatch> AtomizationBatches(IReadOnlyList<TaskNode> tasks)
    {
        if (tasks.Count == 0)
        {
            return [];
        }

        var size = (tasks.Count + Concurrency - 1) / Concurrency;
        return tasks.Select(t => t.Number).Chunk(size).Select(chunk => new TaskBatch(input.RunId, chunk)).ToList();
    }

    /// <summary>Seconds per finished phase and since the start, by the replay-safe clock.</summary>
    private PhaseTimings Timings() => new(
        new Dictionary<string, double>(phaseSeconds, StringComparer.Ordinal),
        (context.CurrentUtcDateTime - startedAt).TotalSeconds);

    private void Begin(PipelinePhase next, int total)
    {
        var now = context.CurrentUtcDateTime;
        if (next != PipelinePhase.Discovery)
        {
            phaseSeconds[phase.ToString()] = (now - phaseStartedAt).TotalSeconds;
        }

        phase = next;
        phaseStartedAt = now;
        SetProgress(0, total);
    }

    private void SetProgress(int done, int total, int? wave = null) =>
        context.SetCustomStatus(new GenerationProgress(phase.ToString(), done, total, wave));
}
