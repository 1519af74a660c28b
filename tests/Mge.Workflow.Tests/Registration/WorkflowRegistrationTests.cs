using System.Reflection;
using Mge.Engine;
using Mge.Pipeline;
using Mge.Pipeline.Delivery;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Mge.Workflow.Tests.Registration;

public sealed class WorkflowRegistrationTests
{
    [Fact]
    public void Every_step_is_named_after_its_member_and_registered_once()
    {
        var members = typeof(WorkflowSteps).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => typeof(WorkflowStep).IsAssignableFrom(p.PropertyType))
            .Select(p => p.Name)
            .ToList();

        Assert.Equal(18, members.Count);
        Assert.Equal(members, WorkflowSteps.All.Select(s => s.Name));
        var registrar = new RecordingRegistrar();
        WorkflowRegistration.Register(registrar);
        Assert.Equal(members, registrar.Activities);
        Assert.Equal([nameof(GenerationOrchestrator)], registrar.Orchestrators);
        Assert.Equal(nameof(GenerationOrchestrator), WorkflowRegistration.OrchestratorName);
    }

    [Fact]
    public void Every_step_builds_its_activity_from_the_pipeline_services_with_scope_validation()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddMgePipeline()
            .AddMgeLaterPhases()
            .AddMgeInMemoryStorage()
            .AddSingleton(new Mock<IChatClient>().Object)
            .AddMgeWorkflow();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        foreach (var step in WorkflowSteps.All)
        {
            var first = step.CreateActivity(scope.ServiceProvider);
            var second = step.CreateActivity(scope.ServiceProvider);
            Assert.NotSame(first, second);
        }
    }

    [Fact]
    public async Task A_step_runs_its_phase_from_the_given_services()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddMgePipeline()
            .AddMgeLaterPhases()
            .AddMgeInMemoryStorage()
            .AddSingleton(new Mock<IChatClient>().Object)
            .AddMgeWorkflow();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var journal = provider.GetRequiredService<Mge.Pipeline.Runs.RunJournal>();
        await journal.CreateAsync(new Mge.Pipeline.Domain.GenerationRequest("run-3", "A FastAPI API for books", new Mge.Pipeline.Domain.GenerationOptions(), DateTimeOffset.UnixEpoch));
        using var scope = provider.CreateScope();

        var recorded = await WorkflowSteps.FailRun.RunAsync(
            scope.ServiceProvider, new RunMilestone("run-3", Mge.Pipeline.Runs.PipelinePhase.Validation, new Mge.Pipeline.Runs.PhaseTimings(new Dictionary<string, double>(), 1), "syntax errors remain"), CancellationToken.None);

        Assert.True(recorded);
        var status = await journal.GetStatusAsync("run-3");
        Assert.Equal("syntax errors remain", status!.Error);
        Assert.Equal(Mge.Pipeline.Runs.PipelinePhase.Validation, status.CurrentPhase);
    }

    private sealed class RecordingRegistrar : IWorkflowRegistrar
    {
        public List<string> Orchestrators { get; } = [];

        public List<string> Activities { get; } = [];

        public void RegisterOrchestrator(string name, Type orchestratorType) => Orchestrators.Add(name);

        public void RegisterActivity(string name, Func<IServiceProvider, ITaskActivity> create) => Activities.Add(name);
    }

    [Fact]
    public async Task Register_gives_the_embedded_engine_the_whole_workflow()
    {
        var options = new EmbeddedEngineOptions();
        WorkflowRegistration.Register(options);

        await using var engine = EmbeddedEngine.CreateInMemory(options, new ServiceCollection().BuildServiceProvider());
        await engine.StartAsync();
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => engine.ScheduleAsync("Unregistered", null, "x"));
        Assert.Contains(WorkflowRegistration.OrchestratorName, unknown.Message);
    }
}
