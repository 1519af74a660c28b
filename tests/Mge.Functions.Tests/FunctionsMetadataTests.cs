using System.Reflection;
using System.Text.Json;
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
        AssertBindings(functions, WorkflowNames.GenerationOrchestrator, ("orchestrationTrigger", "In"));
        foreach (var activity in WorkflowRegistration.Activities)
        {
            AssertBindings(functions, activity.Name, ("activityTrigger", "In"));
        }

        Assert.Equal(WorkflowRegistration.Activities.Count + 3, functions.Count);
    }

    [Fact]
    public void Http_routes_and_methods_are_the_documented_ones()
    {
        var functions = LoadMetadata();

        var start = functions["StartGeneration"].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("projects", start.GetProperty("route").GetString());
        Assert.Equal(["post"], start.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));

        var status = functions["GetRunStatus"].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("projects/{runId}", status.GetProperty("route").GetString());
    }

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
