using System.Diagnostics;
using System.Globalization;
using Mge.Engine;
using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mge.Benchmarks;

/// <summary>
/// The whole workflow on the embedded engine with the offline model answering after a simulated latency:
/// a request whose plan has about 120 tasks, at concurrency 10. Code generation is compared with its ideal
/// schedule (greedy list scheduling of the plan's dependency graph on 10 slots, every call taking exactly the
/// latency, zero overhead); the rest of the run is reported per phase. Usage: pipeline [latency-ms] [concurrency].
/// </summary>
public sealed class PipelineBenchmark : IBenchmark
{
    private const string Request =
        "Create a FastAPI REST API for an enterprise suite with users, tasks, comments, projects, tags, products, " +
        "orders, customers, categories, invoices, payments, employees, departments, suppliers, reviews, events, " +
        "courses, students, teachers, books, authors, loans, messages and notifications";

    public string Name => "pipeline";

    public string Description => "whole workflow, ~120-task plan, simulated model latency (default 50 ms), concurrency 10, vs the ideal schedule";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var latency = TimeSpan.FromMilliseconds(args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50);
        var concurrency = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;

        // Warm-up without latency: JIT, tokenizer data, templates.
        await RunOnceAsync(TimeSpan.Zero, concurrency, "warm-up", cancellationToken);
        for (var run = 1; run <= 2; run++)
        {
            await RunOnceAsync(latency, concurrency, $"run {run}", cancellationToken);
        }
    }

    private static async Task RunOnceAsync(TimeSpan latency, int concurrency, string label, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        services.AddMgePipeline();
        services.AddMgeInMemoryStorage();
        services.AddMgeOfflineModel(model => model.SimulatedLatency = latency);
        services.AddMgeWorkflow();
        await using var provider = services.BuildServiceProvider();

        var engineOptions = new EmbeddedEngineOptions { MaxConcurrentActivities = Math.Max(16, concurrency * 2) };
        WorkflowRegistration.Register(engineOptions);
        await using var engine = EmbeddedEngine.CreateInMemory(engineOptions, provider);
        await engine.StartAsync(cancellationToken);

        var runId = $"bench-{label.Replace(' ', '-')}";
        var options = new GenerationOptions { ProjectType = ProjectType.FastApi, Concurrency = concurrency };
        var watch = Stopwatch.StartNew();
        await provider.GetRequiredService<RunJournal>().CreateAsync(new GenerationRequest(runId, Request, options, DateTimeOffset.UtcNow), cancellationToken);
        await engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, new GenerationInput(runId, options), runId, cancellationToken);
        var status = await engine.WaitForCompletionAsync(runId, TimeSpan.FromMinutes(30), cancellationToken);
        watch.Stop();
        if (status.RuntimeStatus != EngineRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{runId} ended {status.RuntimeStatus}: {status.Failure?.Message}");
        }

        var summary = status.ReadOutput<GenerationSummary>() ?? throw new InvalidOperationException($"{runId} has no summary.");
        var plan = await provider.GetRequiredService<RunRepository>().GetMasterPlanAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"{runId} has no master plan.");
        var tasks = plan.Plan.Tasks.Select(t => new TaskNode(t.Number, t.DependsOn)).ToList();
        var idealCodegen = IdealSchedule.Makespan(tasks, concurrency, latency);
        var measuredCodegen = TimeSpan.FromSeconds(summary.PhaseSeconds.GetValueOrDefault(nameof(PipelinePhase.CodeGeneration)));
        // Discovery and planning are one call each; with no faults there are no repairs.
        var idealModelTime = latency * 2 + idealCodegen;

        Console.WriteLine(Format($"  {label}: latency {latency.TotalMilliseconds:F0} ms, concurrency {concurrency}, {summary.Tasks} tasks, {summary.Atoms} atoms, {summary.Waves} waves, {summary.Files} files, {summary.Usage.Calls} model calls"));
        Console.WriteLine(Format($"    code generation: {measuredCodegen.TotalMilliseconds:F0} ms, ideal {idealCodegen.TotalMilliseconds:F0} ms ({measuredCodegen.TotalMilliseconds / Math.Max(1, idealCodegen.TotalMilliseconds):F2}x), critical path {IdealSchedule.CriticalPath(tasks)} calls"));
        Console.WriteLine(Format($"    end to end: {watch.Elapsed.TotalMilliseconds:F0} ms; model time on the ideal schedule {idealModelTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine("    phases: " + string.Join(", ", summary.PhaseSeconds.Select(p => Format($"{p.Key} {p.Value * 1000:F0} ms"))));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
