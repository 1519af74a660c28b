using System.Reflection;
using System.Text.Json;
using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Workflow;

namespace Mge.Functions.Tests;

/// <summary>Reads the functions.metadata the Functions SDK generated at build time: what the host will index.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Every_function_is_listed_with_its_trigger_and_bindings()
    {
        var functions = LoadMetadata();

        AssertBindings(functions, "StartGeneration", ("httpTrigger", "In"), ("durableClient", "In"), ("http", "Out"));
        AssertBindings(functions, "GetRunStatus", ("httpTrigger", "In"), ("http", "Out"));
        AssertBindings(functions, "DownloadWorkspace", ("httpTrigger", "In"), ("http", "Out"));
        AssertBindings(functions, "ListRunEvents", ("httpTrigger", "In"), ("http", "Out"));
        AssertBindings(functions, "Negotiate", ("httpTrigger", "In"), ("http", "Out"));
        AssertBindings(functions, "Chat", ("httpTrigger", "In"), ("durableClient", "In"), ("http", "Out"));
        AssertBindings(functions, "ListWorkspaceFiles", ("httpTrigger", "In"), ("http", "Out"));
        AssertBindings(functions, "WebPage", ("httpTrigger", "In"), ("http", "Out"));
        AssertBindings(functions, WorkflowRegistration.OrchestratorName, ("orchestrationTrigger", "In"));
        foreach (var step in WorkflowSteps.All)
        {
            // Written by Mge.Functions.Generators from WorkflowSteps: no hand-written wrapper per step.
            AssertBindings(functions, step.Name, ("activityTrigger", "In"));
            Assert.Equal($"Mge.Functions.Durable.WorkflowStepFunctions.{step.Name}", functions[step.Name].GetProperty("entryPoint").GetString());
        }

        Assert.Equal(WorkflowSteps.All.Count + HttpRoutes.Length + 1, functions.Count);
    }

    [Theory]
    [InlineData("StartGeneration", "post", "projects", "Function")]
    [InlineData("GetRunStatus", "get", "projects/{runId}", "Function")]
    [InlineData("DownloadWorkspace", "get", "projects/{runId}/workspace", "Function")]
    [InlineData("ListRunEvents", "get", "projects/{runId}/events", "Function")]
    [InlineData("Chat", "post", "chat", "Function")]
    [InlineData("Negotiate", "post", "negotiate", "Anonymous")]
    [InlineData("ListWorkspaceFiles", "get", "projects/{runId}/files", "Function")]
    [InlineData("WebPage", "get", "ui/{*path}", "Anonymous")]
    public void Http_routes_methods_and_auth_levels_are_the_documented_ones(string name, string method, string route, string authLevel)
    {
        var trigger = LoadMetadata()[name].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Only_negotiate_and_the_web_page_are_anonymous()
    {
        var anonymous = LoadMetadata().Values
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger" && b.GetProperty("authLevel").GetString() != "Function"))
            .Select(f => f.GetProperty("name").GetString());

        Assert.Equal(["Negotiate", "WebPage"], anonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_http_file_calls_every_route()
    {
        var http = File.ReadAllText(Path.Combine(Mge.Testing.RepositoryPaths.Root, "src", "Mge.Functions", "Mge.Functions.http"));

        foreach (var (method, path) in new[] { ("POST", "/api/projects"), ("GET", "/api/projects/{{runId}}"), ("GET", "/api/projects/{{runId}}/events"), ("GET", "/api/projects/{{runId}}/workspace"), ("GET", "/api/projects/{{runId}}/files"), ("POST", "/api/negotiate"), ("POST", "/api/chat") })
        {
            Assert.Contains($"{method} {{{{host}}}}{path}", http, StringComparison.Ordinal);
        }
    }

    private static readonly string[] HttpRoutes = ["StartGeneration", "GetRunStatus", "DownloadWorkspace", "ListWorkspaceFiles", "ListRunEvents", "Negotiate", "Chat", "WebPage"];

    [Fact]
    public void Every_entry_point_exists_in_the_functions_assembly()
    {
        var assembly = typeof(StartGenerationFunction).Assembly;
        foreach (var function in LoadMetadata().Values)
        {
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var split = entryPoint.LastIndexOf('.');
            var type = assembly.GetType(entryPoint[..split]);
            Assert.NotNull(type);
            Assert.NotNull(type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        }
    }

    private static void AssertBindings(Dictionary<string, JsonElement> functions, string name, params (string Type, string Direction)[] expected)
    {
        Assert.True(functions.TryGetValue(name, out var function), $"function '{name}' is missing from functions.metadata");
        var bindings = function.GetProperty("bindings").EnumerateArray()
            .Select(b => (b.GetProperty("type").GetString()!, b.GetProperty("direction").GetString()!))
            .OrderBy(b => b.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.OrderBy(b => b.Type, StringComparer.Ordinal).ToList(), bindings);
    }

    private static Dictionary<string, JsonElement> LoadMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the test project copies it from the Functions build output");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
