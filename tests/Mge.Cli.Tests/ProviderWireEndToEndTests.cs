using System.Text.Json;
using Mge.Models.Offline;
using Xunit.Abstractions;

namespace Mge.Cli.Tests;

/// <summary>
/// <c>mge generate</c> end to end over a real provider wire protocol without a network: the CLI's OpenAI and Azure
/// OpenAI clients (the SDKs, ResilientChatClient, the pipeline's usage accounting) talk HTTP to
/// <see cref="ChatCompletionsServer"/> on 127.0.0.1, whose answers come from the offline model. Keys are named
/// through configuration (Mge:Model:ApiKeyVariable) and held in a variable no other test uses, so parallel tests
/// never race on the process environment.
/// </summary>
public sealed class ProviderWireEndToEndTests : IDisposable
{
    /// <summary>The README's example request.</summary>
    private const string FastApiRequest = "Create a FastAPI REST API for task management with users, tasks and comments";

    private readonly TempDirectory temp = new();
    private readonly string keyVariable = $"MGE_E2E_KEY_{Guid.NewGuid():N}";
    private readonly string key = $"sk-e2e-{Guid.NewGuid():N}";

    private readonly ITestOutputHelper output;

    public ProviderWireEndToEndTests(ITestOutputHelper output)
    {
        this.output = output;
        Environment.SetEnvironmentVariable(keyVariable, key);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(keyVariable, null);
        temp.Dispose();
    }

    [Fact]
    public async Task OpenAI_provider_run_completes_over_the_wire_with_usage_cached_tokens_and_retries()
    {
        using var model = new OfflineChatClient();
        // The first call meets a 429 (Retry-After: 1), its retry a 500: both must be absorbed inside the run.
        await using var server = new ChatCompletionsServer(model, n => n switch
        {
            0 => ScriptedFailure.RateLimited,
            1 => ScriptedFailure.ServerError,
            _ => null,
        });

        var run = await CliRun.RunAsync(temp.Path, Settings(), "generate", FastApiRequest,
            "--provider", "openai", "--endpoint", server.OpenAIEndpoint, "--model", "gpt-4o-mini", "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.Empty(server.Problems);
        var summary = ParseSummary(run);
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal("gpt-4o-mini", summary.GetProperty("model").GetString());
        Assert.True(File.Exists(summary.GetProperty("zip_path").GetString()), "the zip was written");

        var requests = server.Requests;
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/chat/completions", r.PathAndQuery);
            Assert.Equal($"Bearer {key}", r.Authorization);
            Assert.Null(r.ApiKey);
            Assert.Equal("gpt-4o-mini", r.Model);
        });
        // In arrival order: 429, its retry answered 500 no sooner than the Retry-After second, then the second retry answered.
        var first = requests.OrderBy(r => r.ReceivedAfter).Take(3).ToList();
        Assert.Equal([429, 500, 200], first.Select(r => r.Status));
        Assert.True(first[1].ReceivedAfter - first[0].ReceivedAfter >= TimeSpan.FromSeconds(0.95),
            $"the retry after the 429 came {(first[1].ReceivedAfter - first[0].ReceivedAfter).TotalSeconds:0.000} s later, before Retry-After: 1");
        Assert.Equal(2, requests.Count(r => !r.Answered));
        output.WriteLine(string.Join("\n", run.StderrLines.Where(l => l.Contains("429") || l.Contains("500"))));
        Assert.Contains(run.StderrLines, l => l.Contains("429", StringComparison.Ordinal));
        AssertUsageMatchesTheWire(summary, requests);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task Azure_OpenAI_provider_run_completes_with_the_deployment_in_the_url_and_the_api_key_header()
    {
        using var model = new OfflineChatClient();
        await using var server = new ChatCompletionsServer(model);

        var run = await CliRun.RunAsync(temp.Path, Settings(), "generate", FastApiRequest,
            "--provider", "azure-openai", "--endpoint", server.BaseAddress.ToString(), "--model", "my-deployment", "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.Empty(server.Problems);
        var summary = ParseSummary(run);
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal("my-deployment", summary.GetProperty("model").GetString());
        var zipPath = summary.GetProperty("zip_path").GetString()!;
        Assert.True(File.Exists(zipPath), "the zip was written");
        using (var zip = System.IO.Compression.ZipFile.OpenRead(zipPath))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "app/main.py");
        }

        var requests = server.Requests;
        Assert.All(requests, r =>
        {
            Assert.StartsWith("/openai/deployments/my-deployment/chat/completions?api-version=", r.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(key, r.ApiKey);
            Assert.Null(r.Authorization);
            Assert.True(r.Answered, $"status {r.Status}");
            Assert.Equal("my-deployment", r.Model);
        });
        AssertUsageMatchesTheWire(summary, requests);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_provider_refusing_the_key_fails_the_run_with_exit_1_and_says_why()
    {
        using var model = new OfflineChatClient();
        await using var server = new ChatCompletionsServer(model, _ => ScriptedFailure.InvalidApiKey);

        var run = await CliRun.RunAsync(temp.Path, Settings(), "generate", FastApiRequest,
            "--provider", "openai", "--endpoint", server.OpenAIEndpoint, "--model", "gpt-4o-mini", "--out", "out", "--json");

        output.WriteLine(run.Stderr);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var result = ParseSummary(run);
        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Equal("discovery", result.GetProperty("failed_phase").GetString());
        var error = result.GetProperty("error").GetString()!;
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Contains("invalid_api_key", error, StringComparison.Ordinal);
        Assert.Contains(run.StderrLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^mge generate: run \d{8}-\d{6}-[0-9a-f]{12} ") && l.Contains("401", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Stderr);
        // A wrong key is not retried: retrying cannot fix it and every attempt is a request the provider logs.
        Assert.All(server.Requests, r => Assert.Equal(401, r.Status));
        Assert.Single(server.Requests);
        Assert.Empty(Directory.GetFiles(Path.Combine(temp.Path, "out"), "*.zip"));
    }

    /// <summary>The key variable named through configuration, and short backoffs so injected faults cost little time.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Mge:Model:ApiKeyVariable"] = keyVariable,
        ["Mge:Model:RetryBaseDelay"] = "00:00:00.200",
        ["Mge:Model:RetryMaxDelay"] = "00:00:01",
        ["Mge:Model:Timeout"] = "00:00:30",
        ["Mge:Verification:Enabled"] = "false",
    };

    /// <summary>
    /// One answered request per journaled model call, and the run's token totals exactly what the server reported
    /// on the wire (prompt, completion and cached tokens), so usage went through the SDK's parsing intact.
    /// </summary>
    private void AssertUsageMatchesTheWire(JsonElement summary, IReadOnlyList<ChatCompletionRequest> requests)
    {
        var answered = requests.Where(r => r.Answered).ToList();
        var journaled = Directory.EnumerateFiles(Path.Combine(temp.Path, "out", ".mge"), "*.prompt.md", SearchOption.AllDirectories)
            .Count(f => f.Contains($"{Path.DirectorySeparatorChar}calls{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var usage = summary.GetProperty("usage");
        Assert.True(journaled > 0, "model calls were journaled");
        Assert.Equal(journaled, answered.Count);
        Assert.Equal(journaled, usage.GetProperty("calls").GetInt32());

        Assert.True(usage.GetProperty("input_tokens").GetInt64() > 0);
        Assert.True(usage.GetProperty("output_tokens").GetInt64() > 0);
        Assert.True(usage.GetProperty("cached_tokens").GetInt64() > 0, "the provider's cached_tokens reached the run's usage");
        Assert.Equal(answered.Sum(r => r.PromptTokens), usage.GetProperty("input_tokens").GetInt64());
        Assert.Equal(answered.Sum(r => r.CompletionTokens), usage.GetProperty("output_tokens").GetInt64());
        Assert.Equal(answered.Sum(r => r.CachedTokens), usage.GetProperty("cached_tokens").GetInt64());
        // Discovery and planning stream (server-sent events), code and repair calls do not: both encodings were read.
        Assert.Contains(answered, r => r.Stream);
        Assert.Contains(answered, r => !r.Stream);
        Assert.All(answered.Where(r => r.Stream), r => Assert.True(r.IncludeUsage, "a streamed call asked for its usage"));
        output.WriteLine($"{requests.Count} requests ({answered.Count(r => r.Stream)} streamed, {answered.Count(r => !r.Stream)} JSON, "
            + $"{requests.Count - answered.Count} errors); usage {usage}");
    }

    private static JsonElement ParseSummary(CliRun run)
    {
        var line = Assert.Single(run.StdoutLines);
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
