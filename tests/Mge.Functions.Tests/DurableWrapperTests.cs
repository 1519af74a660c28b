using Mge.Functions.Durable;
using Mge.Models;
using Mge.Pipeline;
using Mge.Workflow;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Mge.Functions.Tests;

public sealed class DurableWrapperTests
{
    [Fact]
    public async Task An_activity_wrapper_runs_the_workflow_activity_from_the_invocation_services()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddMgePipeline()
            .AddMgeInMemoryStorage()
            .AddMgeOfflineModel()
            .AddMgeWorkflow()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var journal = services.GetRequiredService<RunJournal>();
        await journal.CreateAsync(new GenerationRequest("run-7", "A FastAPI API for books", new GenerationOptions(), DateTimeOffset.UnixEpoch));
        using var scope = services.CreateScope();
        var function = FunctionContextFor(scope.ServiceProvider, "run-7");

        var recorded = await WorkflowStepFunctions.FailRun(new RunMilestone("run-7", PipelinePhase.Validation, new PhaseTimings(new Dictionary<string, double>(), 2), "syntax errors remain"), function);

        Assert.True(recorded);
        var status = await journal.GetStatusAsync("run-7");
        Assert.NotNull(status);
        Assert.Equal(RunStates.Failed, status.Status);
        Assert.Equal("syntax errors remain", status.Error);
        Assert.Equal(PipelinePhase.Validation, status.CurrentPhase);
    }

    [Fact]
    public async Task The_orchestrator_wrapper_refuses_a_missing_input()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.InstanceId).Returns("run-8");
        context.Setup(c => c.GetInput<Mge.Workflow.GenerationInput>()).Returns((Mge.Workflow.GenerationInput?)null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GenerationOrchestration.RunAsync(context.Object));
        Assert.Contains("run-8", error.Message);
    }

    private static FunctionContext FunctionContextFor(IServiceProvider services, string instanceId)
    {
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?> { ["instanceId"] = instanceId });
        var function = new Mock<FunctionContext>();
        function.SetupGet(f => f.InstanceServices).Returns(services);
        function.SetupGet(f => f.BindingContext).Returns(binding.Object);
        function.SetupGet(f => f.CancellationToken).Returns(CancellationToken.None);
        return function.Object;
    }
}
