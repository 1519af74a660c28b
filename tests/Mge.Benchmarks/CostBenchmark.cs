using System.Globalization;
using Mge.Engine;
using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mge.Benchmarks;

/// <summary>
/// What a ~120-task plan costs: the whole workflow runs on the embedded engine with the offline model (its
/// o200k token counts and simulated prefix cache stand in for a provider's usage; a fault rate on first attempts
/// makes repairs happen), then every journaled call is priced under the default price table for each listed
/// model. Printed per phase (discovery, planning, code generation, repairs, atom repairs): calls, input, output
/// and cached tokens, the cached share and USD, and the total scaled to exactly 120 tasks (the offline FastAPI
/// planner makes 5 tasks per entity + 4 shared: 119 for this request). Usage: cost [fault-rate, default 0.1].
/// </summary>
public sealed class CostBenchmark : IBenchmark
{
    /// <summary>24 entities: the FastAPI plan has five tasks per entity plus the shared ones (about 120).</summary>
    private const string Request =
        "Create a FastAPI REST API for an enterprise suite with users, tasks, comments, projects, tags, products, " +
        "orders, customers, categories, invoices, payments, employees, departments, suppliers, reviews, events, " +
        "courses, students, teachers, books, authors, loans, messages and notifications";

    public string Name => "cost";

    public string Description => "estimated cost and cached share of a ~120-task plan under the default price table (offline model usage)";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var faultRate = args.Count > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 0.1;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        services.AddMgePipeline();
        services.AddMgeInMemoryStorage();
        services.AddMgeOfflineModel(model => model.FaultRate = faultRate);
        services.AddMgeWorkflow();
        services.Configure<PipelineOptions>(options => options.RunCapUsd = 0m);
        await using var provider = services.BuildServiceProvider();
        var engineOptions = new EmbeddedEngineOptions { MaxConcurrentActivities = 20 };
        WorkflowRegistration.Register(engineOptions);
        await using var engine = EmbeddedEngine.CreateInMemory(engineOptions, provider);
        await engine.StartAsync(cancellationToken);

        const string runId = "cost";
        var options = new GenerationOptions { ProjectType = ProjectType.FastApi, Concurrency = 10 };
        await provider.GetRequiredService<RunJournal>().CreateAsync(new GenerationRequest(runId, Request, options, DateTimeOffset.UtcNow), cancellationToken);
        await engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, new GenerationInput(runId, options), runId, cancellationToken);
        var status = await engine.WaitForCompletionAsync(runId, TimeSpan.FromMinutes(30), cancellationToken);
        if (status.RuntimeStatus != EngineRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{runId} ended {status.RuntimeStatus}: {status.Failure?.Message}");
        }

        var repository = provider.GetRequiredService<RunRepository>();
        var plan = await repository.GetMasterPlanAsync(runId, cancellationToken) ?? throw new InvalidOperationException("No master plan.");
        var calls = await repository.ListCallsAsync(runId, null, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan: {plan.TotalTasks} tasks, {plan.TotalPhases} phases, {plan.TotalMilestones} milestones; {calls.Count} model calls; offline fault rate {faultRate:0.##}"));
        Console.WriteLine($"prompt versions: {string.Join(", ", calls.Select(c => c.PromptVersion).Distinct().Order(StringComparer.Ordinal))}");

        var groups = calls.GroupBy(Group).OrderBy(g => Array.IndexOf(Groups, g.Key)).ToList();
        var prices = new PriceTable();
        var calculator = new CostCalculator(Options.Create(prices), NullLogger<CostCalculator>.Instance);
        var models = prices.Models.Keys.Where(m => m != PriceTable.OfflineModelId).Order(StringComparer.Ordinal).ToList();

        Console.WriteLine();
        Console.WriteLine($"{"group",-14}{"calls",7}{"input",11}{"output",10}{"cached",11}{"cached%",9}" + string.Concat(models.Select(m => $"{m,14}")));
        foreach (var group in groups)
        {
            Print(group.Key, group.ToList(), models, calculator);
        }

        Print("total", calls, models, calculator);

        // FastAPI plans five tasks per entity plus four shared ones, so the offline planner lands on 119 or 124,
        // not exactly 120: scale the per-task calls (code and repairs) to 120 tasks, keep discovery and planning.
        var perTask = calls.Where(c => Group(c) is "code" or "repairs" or "atom repairs").ToList();
        var fixedCalls = calls.Except(perTask).ToList();
        var scale = 120m / plan.TotalTasks;
        Console.WriteLine($"{"120 tasks",-14}{"",7}{"",11}{"",10}{"",11}{"",9}" + string.Concat(models.Select(model => string.Create(CultureInfo.InvariantCulture,
            $"{fixedCalls.Sum(c => Price(calculator, model, c)) + scale * perTask.Sum(c => Price(calculator, model, c)),14:0.0000}"))));
        Console.WriteLine();
        Console.WriteLine("USD columns: the same token counts priced per model (cached input at the cached rate); the offline model's own price is gpt-4o-mini's.");
    }

    private static readonly string[] Groups = ["discovery", "planning", "code", "repairs", "atom repairs"];

    private static string Group(ModelCallRecord call) => call.Key switch
    {
        var k when k.StartsWith("discovery", StringComparison.Ordinal) => "discovery",
        var k when k.StartsWith("masterplan", StringComparison.Ordinal) => "planning",
        var k when k.StartsWith("code-", StringComparison.Ordinal) => "code",
        var k when k.StartsWith("repair-", StringComparison.Ordinal) => "repairs",
        _ => "atom repairs",
    };

    private static decimal Price(CostCalculator calculator, string model, ModelCallRecord call) =>
        calculator.Calculate(model, call.InputTokens, call.OutputTokens, call.CachedTokens).CostUsd;

    private static void Print(string label, IReadOnlyList<ModelCallRecord> calls, IReadOnlyList<string> models, CostCalculator calculator)
    {
        var usage = UsageTotals.Sum(calls.Select(c => c.Usage));
        var costs = models.Select(model => calls.Sum(c => Price(calculator, model, c)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-14}{usage.Calls,7}{usage.InputTokens,11:N0}{usage.OutputTokens,10:N0}{usage.CachedTokens,11:N0}{usage.CachedShare,9:P1}") +
            string.Concat(costs.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c,14:0.0000}"))));
    }
}
