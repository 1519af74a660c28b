using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Delivery;
using Mge.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Functions.Tests;

/// <summary>The Functions app's services over in-memory storage, for calling the function classes directly.</summary>
internal static class FunctionsTestServices
{
    public static ServiceProvider Create() => new ServiceCollection()
        .AddLogging()
        .AddMgePipeline()
        .AddMgeLaterPhases()
        .AddMgeInMemoryStorage()
        .AddMgeOfflineModel()
        .AddMgeWorkflow()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
}
