using System.Text;
using Mge.Api.Http;
using Mge.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Mge.Functions.Tests.Support;

/// <summary>
/// The Functions app's services composed by the app's own <c>AddMgeFunctions</c> over real Table/Blob storage
/// (Azurite, with prefixes of its own), a Moq'd Durable client that records what is scheduled, and the plumbing
/// to call a function class as the host would (a fresh instance per invocation from a scope) and to execute its
/// IActionResult into an HTTP response.
/// </summary>
internal sealed class FunctionsApp : IDisposable
{
    private static readonly ServiceProvider Mvc = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    private FunctionsApp(ServiceProvider services, Mock<DurableTaskClient> client, List<ScheduledRun> scheduled)
    {
        Services = services;
        Client = client;
        Scheduled = scheduled;
    }

    public ServiceProvider Services { get; }

    public Mock<DurableTaskClient> Client { get; }

    public List<ScheduledRun> Scheduled { get; }

    public static FunctionsApp Create(string storageConnectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string?>
        {
            ["Mge:Storage:ConnectionString"] = storageConnectionString,
            ["Mge:Storage:TablePrefix"] = "t" + suffix,
            ["Mge:Storage:ContainerPrefix"] = "c" + suffix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddMgeFunctions(configuration);
        configure?.Invoke(services);

        var scheduled = new List<ScheduledRun>();
        var client = new Mock<DurableTaskClient>("test-hub");
        client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((name, input, options, _) =>
            {
                lock (scheduled)
                {
                    scheduled.Add(new ScheduledRun(name.Name, Assert.IsType<GenerationInput>(input), options?.InstanceId));
                }
            })
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
        return new FunctionsApp(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), client, scheduled);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Calls a function class the way the host does: a new instance from a fresh invocation scope.</summary>
    public async Task<ExecutedResponse> InvokeAsync<TFunction>(HttpRequest request, Func<TFunction, Task<IActionResult>> call)
    {
        await using var scope = Services.CreateAsyncScope();
        var function = ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider);
        var result = await call(function);
        return await ExecuteAsync(result, request.HttpContext);
    }

    public static HttpRequest Request(string method, string path, string? body = null, string? query = null, IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("mge.example");
        context.Request.Path = path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(bytes);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    /// <summary>Runs the result's executor (as ASP.NET Core does after the function returns) and reads back what it wrote.</summary>
    public static async Task<ExecutedResponse> ExecuteAsync(IActionResult result, HttpContext context)
    {
        context.RequestServices = Mvc;
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new ExecutedResponse(context.Response.StatusCode, context.Response.Headers, body.ToArray());
    }

    public void Dispose() => Services.Dispose();
}

/// <summary>One orchestration the Moq'd Durable client was asked to schedule.</summary>
internal sealed record ScheduledRun(string Orchestrator, GenerationInput Input, string? InstanceId);
