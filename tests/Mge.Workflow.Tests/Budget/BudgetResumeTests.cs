using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mge.Engine;
using Mge.Models;
using Mge.Models.Offline;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Workflow.Tests.Budget;

/// <summary>
/// The budget cap end to end on the embedded engine with the offline model: a run capped below its cost stops
/// cleanly mid code generation with status budget_exceeded, is resumed with a higher cap under a new
/// orchestration instance, completes, and no model call is paid twice.
/// </summary>
public sealed class BudgetResumeTests
{
    private const string Request = "Create a FastAPI REST API for task management with users, tasks and comments";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_run_stopped_at_its_cap_keeps_its_work_and_completes_when_resumed_with_a_higher_cap_paying_each_call_once()
    {
        // What the run costs without a cap (a fresh model, so its prompt cache starts cold like the capped run's).
        IReadOnlyList<ModelCallRecord> uncapped;
        await using (var probe = await Host.StartAsync())
        {
            var summary = await probe.RunAsync("probe", 0m);
            Assert.Equal(RunStates.Completed, summary.Status);
            uncapped = await probe.Services.GetRequiredService<RunRepository>().ListCallsAsync("probe");
        }

        var codeCalls = uncapped.Where(c => c.Key.StartsWith("code-", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        Assert.True(codeCalls.Count >= 8, $"{codeCalls.Count} code calls");
        var planningCost = uncapped.Where(c => c.Key.StartsWith("discovery", StringComparison.Ordinal) || c.Key.StartsWith("masterplan", StringComparison.Ordinal)).Sum(c => c.CostUsd);
        var cap = planningCost + codeCalls.Take(codeCalls.Count / 2).Sum(c => c.CostUsd);

        await using var host = await Host.StartAsync();
        const string runId = "capped";
        var stopped = await host.RunAsync(runId, cap);

        Assert.Equal(RunStates.BudgetExceeded, stopped.Status);
        Assert.Equal(cap, stopped.BudgetCapUsd);
        Assert.True(stopped.Usage.CostUsd <= cap, $"spent {stopped.Usage.CostUsd} over the cap {cap}");
        Assert.Equal("", stopped.WorkspaceZip);
        var repository = host.Services.GetRequiredService<RunRepository>();
        var journal = host.Services.GetRequiredService<RunJournal>();
        var status = await journal.GetStatusAsync(runId);
        Assert.Equal(RunStates.BudgetExceeded, status!.Status);
        Assert.Equal(PipelinePhase.CodeGeneration, status.CurrentPhase);
        Assert.Contains("Budget exceeded", status.Error, StringComparison.Ordinal);
        var paidBeforeResume = await repository.ListCallsAsync(runId);
        var codeBeforeResume = paidBeforeResume.Count(c => c.Key.StartsWith("code-", StringComparison.Ordinal));
        Assert.InRange(codeBeforeResume, 1, codeCalls.Count - 1);
        Assert.Equal(paidBeforeResume.Count, host.Model.Calls);
        Assert.NotNull(await repository.GetMasterPlanAsync(runId));
        var budgetEvent = (await repository.ListEventsAsync(runId)).Single(e => e.Type == ProgressEvents.ErrorType);
        Assert.Equal("budget_exceeded", (string)budgetEvent.Data["code"]!);
        Assert.Equal(cap, (decimal)budgetEvent.Data["cap_usd"]!);
        Assert.Equal(stopped.Usage.CostUsd, (decimal)budgetEvent.Data["spent_usd"]!);

        var resumed = await host.Services.GetRequiredService<RunResumer>().ResumeAsync(runId, uncapped.Sum(c => c.CostUsd) * 2);
        Assert.Equal($"{runId}:r2", resumed.InstanceId);
        await host.Engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, resumed.Input, resumed.InstanceId);
        var finished = await host.Engine.WaitForCompletionAsync(resumed.InstanceId, TimeSpan.FromMinutes(3));

        Assert.True(finished.RuntimeStatus == EngineRuntimeStatus.Completed, $"{finished.RuntimeStatus}: {finished.Failure?.Message}");
        var completed = finished.ReadOutput<GenerationSummary>()!;
        Assert.Equal(RunStates.Completed, completed.Status);
        Assert.Equal(RunStates.Completed, (await journal.GetStatusAsync(runId))!.Status);
        var calls = await repository.ListCallsAsync(runId);
        Assert.Equal(uncapped.Select(c => c.Key), calls.Select(c => c.Key));
        Assert.Equal(calls.Count, host.Model.Calls);
        Assert.Equal(paidBeforeResume.Select(c => (c.Key, c.CreatedAt)), calls.Where(c => paidBeforeResume.Any(p => p.Key == c.Key)).Select(c => (c.Key, c.CreatedAt)));
        Assert.Equal(calls.Sum(c => c.CostUsd), completed.Usage.CostUsd);
        Assert.Equal(completed.Usage.CostUsd, completed.PhaseCosts.Values.Sum(u => u.CostUsd));
    }

    /// <summary>The real workflow with the offline model (counted) in the embedded engine over in-memory storage.</summary>
    private sealed class Host : IAsyncDisposable
    {
        private Host(ServiceProvider services, EmbeddedEngine engine, CountingChatClient model)
        {
            Services = services;
            Engine = engine;
            Model = model;
        }

        public ServiceProvider Services { get; }

        public EmbeddedEngine Engine { get; }

        public CountingChatClient Model { get; }

        public static async Task<Host> StartAsync()
        {
            var model = new CountingChatClient(new OfflineChatClient());
            var services = new ServiceCollection()
                .AddLogging()
                .AddMgePipeline()
                .AddMgeInMemoryStorage()
                .AddMgeOfflineModel()
                .AddMgeWorkflow();
            services.Replace(ServiceDescriptor.Singleton<IChatClient>(model));
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            var engineOptions = new EmbeddedEngineOptions { MaxConcurrentActivities = 8 };
            WorkflowRegistration.Register(engineOptions);
            var engine = EmbeddedEngine.CreateInMemory(engineOptions, provider);
            await engine.StartAsync();
            return new Host(provider, engine, model);
        }

        /// <summary>Creates and runs one generation to its end (one code call in flight at a time, so the stop point is deterministic).</summary>
        public async Task<GenerationSummary> RunAsync(string runId, decimal budgetUsd)
        {
            var options = new GenerationOptions { ProjectType = ProjectType.FastApi, Concurrency = 1, BudgetUsd = budgetUsd };
            await Services.GetRequiredService<RunJournal>().CreateAsync(new GenerationRequest(runId, Request, options, DateTimeOffset.UtcNow));
            await Engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, new GenerationInput(runId, options), runId);
            var status = await Engine.WaitForCompletionAsync(runId, TimeSpan.FromMinutes(3));
            Assert.True(status.RuntimeStatus == EngineRuntimeStatus.Completed, $"{status.RuntimeStatus}: {status.Failure?.Message}");
            return status.ReadOutput<GenerationSummary>()!;
        }

        public async ValueTask DisposeAsync()
        {
            await Engine.DisposeAsync();
            await Services.DisposeAsync();
        }
    }
}
