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
    public void Every_activity_class_of_the_workflow_is_registered_once_under_its_class_name()
    {
        var activityTypes = typeof(WorkflowRegistration).Assembly.GetTypes()
            .Where(t => typeof(ITaskActivity).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name)
            .ToList();

        Assert.Equal(activityTypes, WorkflowRegistration.Activities.Select(a => a.Type).OrderBy(t => t.Name));
        Assert.All(WorkflowRegistration.Activities, a => Assert.Equal(a.Type.Name, a.Name));
        Assert.All(WorkflowRegistration.Activities, a => Assert.EndsWith("Activity", a.Name));
        Assert.Equal(WorkflowRegistration.Activities.Count, WorkflowRegistration.Activities.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Workflow_names_cover_the_orchestrator_and_every_activity()
    {
        var names = typeof(WorkflowNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order()
            .ToList();

        var expected = WorkflowRegistration.Activities.Select(a => a.Name).Append(WorkflowNames.GenerationOrchestrator).Order().ToList();
        Assert.Equal(expected, names);
        Assert.Equal(nameof(GenerationOrchestrator), WorkflowNames.GenerationOrchestrator);
    }

    [Fact]
    public void Every_activity_resolves_from_the_pipeline_services_with_scope_validation()
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

        foreach (var activity in WorkflowRegistration.Activities)
        {
            var first = scope.ServiceProvider.GetRequiredService(activity.Type);
            var second = scope.ServiceProvider.GetRequiredService(activity.Type);
            Assert.IsType(activity.Type, first);
            Assert.NotSame(first, second);
        }
    }

    [Fact]
    public async Task Register_gives_the_embedded_engine_the_whole_workflow()
    {
        var options = new EmbeddedEngineOptions();
        WorkflowRegistration.Register(options);

        await using var engine = EmbeddedEngine.CreateInMemory(options, new ServiceCollection().BuildServiceProvider());
        await engine.StartAsync();
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => engine.ScheduleAsync("Unregistered", null, "x"));
        Assert.Contains(WorkflowNames.GenerationOrchestrator, unknown.Message);
    }
}
