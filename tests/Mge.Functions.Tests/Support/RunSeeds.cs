using Mge.Api.Http;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Functions.Tests.Support;

/// <summary>Runs written the way the pipeline writes them (RunJournal, RunRepository, the progress publisher), on the app's storage.</summary>
internal static class RunSeeds
{
    public static async Task<string> CreateAsync(FunctionsApp app, string? owner = null, string request = "Create a FastAPI REST API for a library with books and authors")
    {
        var runId = "run-" + Guid.NewGuid().ToString("N")[..12];
        var journal = app.Services.GetRequiredService<RunJournal>();
        await journal.CreateAsync(new GenerationRequest(runId, request, new GenerationOptions { ProjectType = ProjectType.FastApi }, DateTimeOffset.UtcNow, owner ?? "anonymous"));
        return runId;
    }

    public static Task JournalCallAsync(FunctionsApp app, string runId, string key, long input, long output, long cached, decimal cost) =>
        app.Service<RunRepository>().SaveCallAsync(runId, new ModelCallRecord
        {
            Key = key,
            Role = ModelRole.Code,
            Model = PriceTable.OfflineModelId,
            PromptVersion = "code-v1",
            InputTokens = input,
            OutputTokens = output,
            CachedTokens = cached,
            CostUsd = cost,
            ResponseBlob = $"{runId}/calls/{key}.md",
            CreatedAt = DateTimeOffset.UtcNow,
        });

    public static GenerationSummary Summary(string runId) => new()
    {
        RunId = runId,
        ProjectName = "library-api",
        ProjectType = "fastapi",
        Model = PriceTable.OfflineModelId,
        Tasks = 12,
        TasksFailed = 1,
        Atoms = 140,
        Waves = 6,
        AtomsPassed = 130,
        AtomsRepaired = 7,
        AtomsFailed = 3,
        Precision = 137 / 140.0,
        Files = 21,
        Usage = new UsageTotals(50_000, 20_000, 8_000, 0.0213m, 19),
        PhaseSeconds = new Dictionary<string, double> { ["discovery"] = 1.5, ["master_plan"] = 2.25, ["code_generation"] = 10 },
        TotalSeconds = 13.75,
        WorkspaceZip = StorageKeys.Blobs.WorkspaceZip(runId),
    };
}
