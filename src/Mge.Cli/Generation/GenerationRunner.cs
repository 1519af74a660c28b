using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Workspace;
using Mge.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mge.Cli.Generation;

/// <summary>
/// Runs one generation in this process: a service provider with the pipeline, file storage under
/// "&lt;out&gt;/.mge", the offline model and the console progress observer; the embedded engine running the
/// workflow; the request stored under a run id made here; then the zip copied out and unpacked.
/// </summary>
public sealed class GenerationRunner(CliEnvironment environment, IConfiguration configuration, TimeProvider time)
{
    /// <summary>A run that has not finished after this long is abandoned (the offline model finishes in seconds).</summary>
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromHours(2);

    public async Task<GenerationOutcome> RunAsync(GenerateSettings settings, RunProgressBoard board, IRunProgressView view, CancellationToken cancellationToken)
    {
        var storageRoot = Path.Combine(settings.OutputDirectory, ".mge");
        var runId = RunIds.Create(time);

        await using var provider = BuildServices(settings, storageRoot, new ConsoleProgressObserver(board, view));
        var engineOptions = new EmbeddedEngineOptions
        {
            // Code generation keeps at most `concurrency` model calls in flight; the engine must not be the
            // narrower bottleneck, and the other fan-outs (atomization, wave batches) are bounded by the workflow.
            MaxConcurrentActivities = Math.Max(16, settings.Concurrency * 2),
        };
        WorkflowRegistration.Register(engineOptions);

        await using var engine = EmbeddedEngine.CreateInMemory(engineOptions, provider);
        await engine.StartAsync(cancellationToken);

        var pipelineOptions = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var options = pipelineOptions.DefaultGenerationOptions(settings.ProjectType) with
        {
            Concurrency = settings.Concurrency,
            MaxWaveSize = settings.MaxWaveSize,
        };

        EngineInstanceStatus final;
        try
        {
            final = await view.ShowWhileAsync(async () =>
            {
                var journal = provider.GetRequiredService<RunJournal>();
                await journal.CreateAsync(new GenerationRequest(runId, settings.Request, options, time.GetUtcNow()), cancellationToken);
                await engine.ScheduleAsync(WorkflowNames.GenerationOrchestrator, new GenerationInput(runId, options), runId, cancellationToken);
                return await engine.WaitForCompletionAsync(runId, MaxRunTime, cancellationToken);
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stop the orchestration so no further activities are scheduled; what ran stays in storage.
            if (await engine.GetStatusAsync(runId, CancellationToken.None) is { IsTerminal: false })
            {
                await engine.TerminateAsync(runId, "cancelled by the user", CancellationToken.None);
            }

            // The journal would otherwise show the run as running forever; record where it was stopped.
            var journal = provider.GetRequiredService<RunJournal>();
            if (await journal.GetStatusAsync(runId, CancellationToken.None) is { Status: RunStates.Running } stopped)
            {
                await journal.FailAsync(runId, stopped.CurrentPhase ?? PipelinePhase.Discovery, "cancelled by the user", CancellationToken.None);
            }

            throw;
        }

        var status = await provider.GetRequiredService<RunJournal>().GetStatusAsync(runId, cancellationToken);
        if (final.RuntimeStatus != EngineRuntimeStatus.Completed)
        {
            var phase = status?.CurrentPhase is { } p ? ProgressEvents.PhaseName(p) : board.LastError?.Phase;
            var error = status?.Error ?? final.Failure?.Message ?? board.LastError?.Message ?? $"the orchestration ended as {final.RuntimeStatus}";
            return new GenerationOutcome(runId, false, null, null, phase, error, storageRoot, board.Repairs);
        }

        var summary = status?.Summary ?? final.ReadOutput<GenerationSummary>()
            ?? throw new InvalidOperationException($"Run {runId} completed without a summary.");
        var delivery = await DeliverAsync(provider.GetRequiredService<IBlobStore>(), summary, settings.OutputDirectory, cancellationToken);
        return new GenerationOutcome(runId, true, summary, delivery, null, null, storageRoot, board.Repairs);
    }

    private ServiceProvider BuildServices(GenerateSettings settings, string storageRoot, IProgressObserver observer)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging(logging => logging
            .ClearProviders()
            .SetMinimumLevel(LogLevel.Warning)
            // The durable runtime reports every retried or failed work item at Warning; the run's own failure
            // message says what matters, so only its errors are shown.
            .AddFilter("DurableTask", LogLevel.Error)
            .AddFilter("Microsoft.DurableTask", LogLevel.Error)
            .AddProvider(new ErrorWriterLoggerProvider(environment.Error, LogLevel.Warning)));
        services.AddMgePipeline(configuration);
        services.AddMgeFileStorage(storageRoot);
        services.AddMgeOfflineModel(model => model.FaultRate = settings.FaultRate);
        services.AddMgeWorkflow();
        services.AddSingleton(observer);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<DeliveryPaths> DeliverAsync(IBlobStore blobs, GenerationSummary summary, string outputDirectory, CancellationToken cancellationToken)
    {
        var zip = await blobs.GetAsync(StorageNames.WorkspacesContainer, summary.WorkspaceZip, cancellationToken)
            ?? throw new InvalidOperationException($"The run completed but its workspace zip '{summary.WorkspaceZip}' is not in storage.");
        var paths = DeliveryPaths.Choose(outputDirectory, summary.ProjectName);
        await File.WriteAllBytesAsync(paths.ZipPath, zip, cancellationToken);
        Directory.CreateDirectory(paths.FolderPath);
        using var stream = new MemoryStream(zip, writable: false);
        await WorkspaceArchive.ExtractAsync(stream, paths.FolderPath, cancellationToken);
        return paths;
    }
}
