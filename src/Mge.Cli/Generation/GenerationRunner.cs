using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Workspace;
using Mge.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mge.Cli.Generation;

/// <summary>
/// Runs one generation in this process: a <see cref="RunHost"/> (pipeline, the run's storage, the offline
/// model, the console progress observer), the engine that matches the storage running the workflow, the
/// request stored under a run id made here; then the zip copied out and unpacked. <see cref="AttachAsync"/>
/// is the part <c>mge resume</c> shares: wait for an instance, then turn its end into an outcome.
/// </summary>
public sealed class GenerationRunner(CliEnvironment environment, IConfiguration configuration, TimeProvider time)
{
    /// <summary>A run that has not finished after this long is abandoned (the offline model finishes in seconds).</summary>
    internal static readonly TimeSpan MaxRunTime = TimeSpan.FromHours(2);

    public async Task<GenerationOutcome> RunAsync(GenerateSettings settings, RunProgressBoard board, IRunProgressView view, CancellationToken cancellationToken)
    {
        var storage = settings.Storage ?? RunStorage.Local(settings.OutputDirectory);

        await using var host = RunHost.Build(environment, configuration, time, storage, new ConsoleProgressObserver(board, view));
        var engine = host.Engine;
        await engine.StartAsync(cancellationToken);

        var launcher = host.Services.GetRequiredService<RunLauncher>();
        var request = new RunRequest(settings.Request, settings.ProjectType, new GenerationOptionOverrides(
            Concurrency: settings.Concurrency, MaxWaveSize: settings.MaxWaveSize, BudgetUsd: settings.BudgetUsd));
        var client = host.Client;
        return await AttachAsync(host, engine, board, view, settings.OutputDirectory, async () =>
        {
            var runId = await launcher.LaunchAsync(request, client, cancellationToken);
            if (storage.IsAzure)
            {
                // The id is what a user needs to continue the run if this process dies, so it comes first.
                await environment.Error.WriteLineAsync($"mge generate: run {runId} started in {storage.Description}; if this process stops, continue it with: mge resume {runId} --storage <the same connection string>");
                await environment.Error.FlushAsync(cancellationToken);
            }

            return (runId, runId);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="begin"/> (store and schedule, or nothing when re-attaching; it names the run and its
    /// orchestration instance), waits for that instance with the view shown, and returns the outcome, the zip delivered under
    /// <paramref name="outputDirectory"/> when it completed. On cancellation an in-memory run is terminated
    /// and recorded as cancelled; a durable run is left as it is, to be resumed.
    /// </summary>
    internal static async Task<GenerationOutcome> AttachAsync(
        RunHost host, EmbeddedEngine engine, RunProgressBoard board, IRunProgressView view, string outputDirectory,
        Func<Task<(string RunId, string InstanceId)>> begin, CancellationToken cancellationToken)
    {
        EngineInstanceStatus final;
        string runId = string.Empty, instanceId = string.Empty;
        try
        {
            final = await view.ShowWhileAsync(async () =>
            {
                (runId, instanceId) = await begin();
                return await engine.WaitForCompletionAsync(instanceId, MaxRunTime, cancellationToken);
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !host.Storage.IsAzure && instanceId.Length > 0)
        {
            // Stop the orchestration so no further activities are scheduled; what ran stays in storage.
            if (await engine.GetStatusAsync(instanceId, CancellationToken.None) is { IsTerminal: false })
            {
                await engine.TerminateAsync(instanceId, "cancelled by the user", CancellationToken.None);
            }

            // The journal would otherwise show the run as running forever; record where it was stopped.
            if (await host.Journal.GetStatusAsync(runId, CancellationToken.None) is { Status: RunStates.Running } stopped)
            {
                await host.Journal.FailAsync(runId, stopped.CurrentPhase ?? PipelinePhase.Discovery, "cancelled by the user", CancellationToken.None);
            }

            throw;
        }

        return await OutcomeAsync(host, final, runId, board, outputDirectory, cancellationToken);
    }

    /// <summary>The outcome of a finished instance: the failure from the journal (or the engine), or the summary with the zip delivered.</summary>
    internal static async Task<GenerationOutcome> OutcomeAsync(
        RunHost host, EngineInstanceStatus final, string runId, RunProgressBoard board, string outputDirectory, CancellationToken cancellationToken)
    {
        var status = await host.Journal.GetStatusAsync(runId, cancellationToken);
        if (final.RuntimeStatus != EngineRuntimeStatus.Completed)
        {
            var phase = status?.CurrentPhase is { } p ? ProgressEvents.PhaseName(p) : board.LastError?.Phase;
            var error = status?.Error ?? final.Failure?.Message ?? board.LastError?.Message ?? $"the orchestration ended as {final.RuntimeStatus}";
            return new GenerationOutcome(runId, false, null, null, phase, error, host.Storage.Description, board.Repairs);
        }

        var summary = status?.Summary ?? final.ReadOutput<GenerationSummary>()
            ?? throw new InvalidOperationException($"Run {runId} completed without a summary.");
        if (summary.Status == RunStates.BudgetExceeded)
        {
            // Stopped cleanly at the cap: everything done so far is kept, and the run continues with a higher cap.
            var stopped = status?.Error ?? "the run's budget cap was reached";
            return new GenerationOutcome(runId, false, summary, null, ProgressEvents.PhaseName(status?.CurrentPhase ?? PipelinePhase.CodeGeneration),
                $"{stopped}; continue it with: mge resume {runId} --budget <USD>", host.Storage.Description, board.Repairs);
        }

        var delivery = await DeliverAsync(host.Blobs, summary, outputDirectory, cancellationToken);
        return new GenerationOutcome(runId, true, summary, delivery, null, null, host.Storage.Description, board.Repairs);
    }

    /// <summary>Copies the run's zip to "&lt;out&gt;/&lt;project&gt;.zip" and unpacks it beside it (never over an earlier delivery).</summary>
    internal static async Task<DeliveryPaths> DeliverAsync(IBlobStore blobs, GenerationSummary summary, string outputDirectory, CancellationToken cancellationToken)
    {
        var zip = await blobs.GetAsync(StorageNames.WorkspacesContainer, summary.WorkspaceZip, cancellationToken)
            ?? throw new InvalidOperationException($"The run completed but its workspace zip '{summary.WorkspaceZip}' is not in storage.");
        Directory.CreateDirectory(outputDirectory);
        var paths = DeliveryPaths.Choose(outputDirectory, summary.ProjectName);
        await File.WriteAllBytesAsync(paths.ZipPath, zip, cancellationToken);
        Directory.CreateDirectory(paths.FolderPath);
        using var stream = new MemoryStream(zip, writable: false);
        await WorkspaceArchive.ExtractAsync(stream, paths.FolderPath, cancellationToken);
        return paths;
    }
}
