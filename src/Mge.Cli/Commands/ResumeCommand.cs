using System.CommandLine;
using System.Globalization;
using Mge.Cli.Generation;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Workflow;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge resume ID</c>: re-attaches to a run. A durable run (--storage) that is still pending or running (its
/// process was killed) is continued by this process's worker until it ends, then delivered; a completed run
/// is delivered again; a run stopped at its budget cap continues with --budget; a failed run is explained.
/// Exit codes: 0 completed and delivered, 1 failed or cannot be resumed, 2 unknown id or bad input, 130 Ctrl+C.
/// </summary>
public sealed class ResumeCommand(CliEnvironment environment, IConfiguration configuration, TimeProvider time)
{
    private const string Name = "mge resume";

    private readonly Argument<string> id = new("ID") { Description = "The run id (shown by 'mge generate' and 'mge list')." };
    private readonly Option<string?> storage = RunCommandOptions.Storage();
    private readonly Option<string> output = RunCommandOptions.Output("Folder for the delivered <project>.zip and <project>/ (and, without --storage, whose .mge subfolder holds local runs).");
    private readonly Option<bool> json = RunCommandOptions.Json("Write the summary (with zip_path and folder_path) as one JSON object on stdout; progress goes to stderr as plain lines.");
    private readonly Option<decimal?> budget = new("--budget")
    {
        Description = "New budget cap in USD for a run stopped at its cap (0 removes the cap); it must be above what the run has spent.",
        HelpName = "USD",
    };

    public Command Build()
    {
        var command = new Command("resume", "Continue or re-deliver a run. With --storage, a run whose process died (pending or running) is continued here until it completes, then delivered to --out; no completed model call is paid again (journaled calls are answered from storage). A completed run is delivered again; a run stopped at its budget cap continues with --budget; a failed run cannot be resumed. Local runs (no --storage) ran on an in-memory engine: an interrupted one cannot be resumed. Exit code 0 completed and delivered, 1 failed or not resumable, 2 unknown id or bad input, 130 when cancelled with Ctrl+C (the run stays resumable).")
        {
            id,
            storage,
            output,
            json,
            budget,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(id) ?? "", parseResult.GetValue(storage), parseResult.GetValue(output) ?? "./out", parseResult.GetValue(json),
            parseResult.GetValue(budget), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string runId, string? storageArgument, string outputArgument, bool asJson, decimal? newCap, CancellationToken cancellationToken)
    {
        if (new GenerationOptions { BudgetUsd = newCap }.Problems() is [var capProblem, ..])
        {
            throw new CliUsageException($"--budget {capProblem.Message}");
        }

        var outputDirectory = OpenedRuns.ResolveOutput(environment, outputArgument);
        await OutputDirectory.EnsureWritableAsync(outputDirectory, outputArgument, cancellationToken);

        var board = new RunProgressBoard();
        IRunProgressView view = !asJson && environment.OutIsTerminal
            ? new LiveProgressView(board, SpectreConsoles.ForOut(environment))
            : new PlainProgressView(board, environment.Error, time);
        await using var runs = await OpenedRuns.OpenAsync(
            environment, configuration, time, storageArgument, outputDirectory, createLocal: false, cancellationToken, new ConsoleProgressObserver(board, view));
        var run = runs is null ? null : await runs.Inspector.FindAsync(runId, cancellationToken);
        if (runs is null || run is null)
        {
            var where = runs?.Host.Storage.Description ?? RunStorage.Local(outputDirectory).Description;
            throw new CliUsageException($"no run '{runId}' in {where} (see 'mge list'{(storageArgument is null ? "; runs made with --storage are only found with the same --storage" : "")}).");
        }

        var host = runs.Host;
        foreach (var stored in await host.Repository.ListEventsAsync(runId, cancellationToken))
        {
            // The board starts from what the run has done so far; only new events are printed.
            board.Apply(stored);
        }

        switch (run.Status)
        {
            case RunStates.Completed:
                await Note($"run {runId} already completed; delivering its zip again to {outputDirectory}.", cancellationToken);
                return await DeliverAgainAsync(runs, run, board, outputDirectory, asJson, cancellationToken);

            case RunStates.Failed:
                await Note($"run {runId} failed in phase {(run.FailedPhase is { } p ? Mge.Pipeline.Progress.ProgressEvents.PhaseName(p) : "unknown")}: {run.Error}", cancellationToken);
                await Note("a failed run cannot be resumed: start a new one with 'mge generate'.", cancellationToken);
                return ExitCodes.Failure;

            case RunStates.BudgetExceeded:
                if (newCap is not { } cap)
                {
                    throw new CliUsageException($"run {runId} stopped at its budget cap ({run.Error}); resume it with --budget USD above what it has spent (0 removes the cap).");
                }

                return await ResumeWithBudgetAsync(runs, run, cap, board, view, outputDirectory, asJson, cancellationToken);
        }

        if (runs.Engine is null)
        {
            await Note($"run {runId} is recorded as running in {host.Storage.Description}, but local runs execute on an in-memory engine that lives only inside its 'mge generate' process.", cancellationToken);
            await Note("if that process is still working, wait for it; if it was stopped or killed, the run was interrupted and cannot be resumed: start it again with 'mge generate' (add --storage to make runs resumable).", cancellationToken);
            return ExitCodes.Failure;
        }

        var engine = runs.Engine;
        var instanceId = RunResumer.InstanceId(run.RunId, run.Resumes);
        var instance = await runs.Inspector.InstanceAsync(run, cancellationToken);
        if (instance is { IsTerminal: true })
        {
            // Finished between the journal's last write and now (or it ended without updating the journal).
            var finished = await GenerationRunner.OutcomeAsync(host, instance, runId, board, outputDirectory, cancellationToken);
            return await GenerationReport.ReportAsync(environment, finished, asJson, Name, cancellationToken, j => j["resume"] = "finished");
        }

        await engine.StartAsync(cancellationToken);
        var action = instance is null ? "scheduled" : "continued";
        await Note(instance is null
            ? $"run {runId} was recorded but never scheduled; starting it now."
            : $"run {runId} is {instance.RuntimeStatus.ToString().ToLowerInvariant()} in phase {run.CurrentPhase?.ToString() ?? "unknown"}; continuing it here (work a stopped process held is picked up once its lock expires).", cancellationToken);
        var outcome = await AttachDurableAsync(runs, runId, instanceId, board, view, outputDirectory, instance is null
            ? () => engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, new GenerationInput(runId, run.Options), instanceId, cancellationToken)
            : () => Task.CompletedTask, cancellationToken);
        return await GenerationReport.ReportAsync(environment, outcome, asJson, Name, cancellationToken, j => j["resume"] = action);
    }

    private async Task<int> DeliverAgainAsync(OpenedRuns runs, RunRecord run, RunProgressBoard board, string outputDirectory, bool asJson, CancellationToken cancellationToken)
    {
        var summary = run.Summary ?? throw new InvalidOperationException($"Run {run.RunId} is completed but its journal record has no summary.");
        var delivery = await GenerationRunner.DeliverAsync(runs.Host.Blobs, summary, outputDirectory, cancellationToken);
        var outcome = new GenerationOutcome(run.RunId, true, summary, delivery, null, null, runs.Host.Storage.Description, board.Repairs);
        return await GenerationReport.ReportAsync(environment, outcome, asJson, Name, cancellationToken, j => j["resume"] = "already_completed");
    }

    private async Task<int> ResumeWithBudgetAsync(
        OpenedRuns runs, RunRecord run, decimal cap, RunProgressBoard board, IRunProgressView view, string outputDirectory, bool asJson, CancellationToken cancellationToken)
    {
        // A run stopped at its cap has ended cleanly, so the host's fresh in-memory engine can carry a local run as well.
        var engine = runs.Engine ?? runs.Host.Engine;
        var previous = await runs.Inspector.InstanceAsync(run, cancellationToken);
        if (previous is { IsTerminal: false })
        {
            throw new CliUsageException($"run {run.RunId} is stopped at its budget cap but its orchestration '{previous.InstanceId}' is still {previous.RuntimeStatus}; try again once it has ended (see 'mge status {run.RunId}').");
        }

        ResumedRun resumed;
        try
        {
            resumed = await new RunResumer(runs.Host.Journal).ResumeAsync(run.RunId, cap, cancellationToken);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new CliUsageException($"--budget: {FirstLine(ex.Message)}");
        }

        await engine.StartAsync(cancellationToken);
        await Note(string.Create(CultureInfo.InvariantCulture, $"run {run.RunId} resumed with a budget cap of {(cap == 0 ? "none" : $"${cap} USD")} as instance {resumed.InstanceId}; journaled calls are not paid again."), cancellationToken);
        var outcome = await AttachDurableAsync(runs, run.RunId, resumed.InstanceId, board, view, outputDirectory,
            () => engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, resumed.Input, resumed.InstanceId, cancellationToken), cancellationToken, engine);
        return await GenerationReport.ReportAsync(environment, outcome, asJson, Name, cancellationToken, j => j["resume"] = "budget_raised");
    }

    private async Task<GenerationOutcome> AttachDurableAsync(
        OpenedRuns runs, string runId, string instanceId, RunProgressBoard board, IRunProgressView view, string outputDirectory,
        Func<Task> begin, CancellationToken cancellationToken, EmbeddedEngine? engine = null)
    {
        try
        {
            return await GenerationRunner.AttachAsync(runs.Host, engine ?? runs.Engine!, board, view, outputDirectory, async () =>
            {
                await begin();
                return (runId, instanceId);
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && runs.Host.Storage.IsAzure)
        {
            await Note($"stopped; run {runId} stays resumable: run 'mge resume {runId} --storage <connection string>' again.", CancellationToken.None);
            throw;
        }
    }

    private async Task Note(string message, CancellationToken cancellationToken)
    {
        await environment.Error.WriteLineAsync($"{Name}: {message}");
        await environment.Error.FlushAsync(cancellationToken);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
