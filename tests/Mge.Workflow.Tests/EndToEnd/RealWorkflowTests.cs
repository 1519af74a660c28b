using Mge.Engine;
using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Delivery;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Verification;
using Mge.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Workflow.Tests.EndToEnd;

/// <summary>The real orchestrator, activities and phases with the offline model, in the embedded engine over in-memory storage.</summary>
public sealed class RealWorkflowTests
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("Create a FastAPI REST API for task management with users, tasks and comments", "fastapi")]
    [InlineData("Create an Express REST API for a library with books and authors", "express")]
    public async Task A_request_runs_through_every_phase_to_a_summary(string request, string projectTypeName)
    {
        var projectType = new ProjectType(projectTypeName);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddMgePipeline()
            .AddMgeLaterPhases()
            .AddMgeInMemoryStorage()
            .AddMgeOfflineModel()
            .AddSingleton<ISandbox>(new LocalSandbox())
            .AddMgeWorkflow()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var engineOptions = new EmbeddedEngineOptions { MaxConcurrentActivities = 16 };
        WorkflowRegistration.Register(engineOptions);
        await using var engine = EmbeddedEngine.CreateInMemory(engineOptions, services);
        await engine.StartAsync();

        var options = new GenerationOptions { ProjectType = projectType, Concurrency = 4 };
        const string runId = "e2e-run";
        await services.GetRequiredService<RunJournal>().CreateAsync(new GenerationRequest(runId, request, options, DateTimeOffset.UtcNow));
        await engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, new GenerationInput(runId, options), runId);
        // Verification installs the project (npm install takes ~20 s here) before running its tests.
        var status = await engine.WaitForCompletionAsync(runId, TimeSpan.FromMinutes(6));

        Assert.True(status.RuntimeStatus == EngineRuntimeStatus.Completed, $"{status.RuntimeStatus}: {status.Failure?.Message}");
        var summary = status.ReadOutput<GenerationSummary>();
        Assert.NotNull(summary);
        Assert.Equal(runId, summary.RunId);
        Assert.True(summary.Tasks > 0);
        Assert.True(summary.Atoms > 0);
        Assert.True(summary.Waves > 0);
        Assert.True(summary.Files > 0);
        Assert.InRange(summary.Precision, 0.0, 1.0);
        Assert.Equal(
            ["Discovery", "MasterPlan", "CodeGeneration", "Validation", "Atomization", "WavePlanning", "WaveExecution", "FileWriting", "Infrastructure"],
            summary.PhaseSeconds.Keys.Take(9));
        Assert.Equal("Verification", summary.PhaseSeconds.Keys.ElementAt(9));
        if (projectType == ProjectType.Express)
        {
            // npm is reachable here: the project's own tests ran in the sandbox, and all of them pass.
            Assert.Equal(("passed", "passed", "passed"), (summary.InstallStatus, summary.TestsStatus, summary.SmokeStatus));
            Assert.True(summary.TestsPassed > 0);
            Assert.Equal(0, summary.TestsFailed);
        }
        else
        {
            // No Python package index is reachable here: install says so, and nothing after it claims to have run.
            Assert.StartsWith("not run: no package index reachable", summary.InstallStatus);
            Assert.StartsWith("not run:", summary.TestsStatus);
            Assert.StartsWith("not run:", summary.SmokeStatus);
        }

        Assert.Equal(new GenerationProgress("Delivery", 1, 1), status.ReadCustomStatus<GenerationProgress>());

        var run = await services.GetRequiredService<RunJournal>().GetStatusAsync(runId);
        Assert.Equal(RunStates.Completed, run?.Status);
    }
}
