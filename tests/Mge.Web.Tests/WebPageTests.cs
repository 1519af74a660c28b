using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Mge.Web.Tests;

/// <summary>
/// The web page in a real browser (Debian chromium via Playwright) against <c>mge serve</c>: a run watched to the
/// end and checked against the API, reload and a second page in the middle of a run, a failing run, bad input,
/// HTML in a request, accessibility. Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class WebPageTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private const string ReadmeRequest = "Create a FastAPI REST API for task management with users, tasks and comments";

    [Fact]
    public async Task A_run_is_watched_to_delivery_and_the_page_matches_the_api_and_the_zip()
    {
        var watched = await serve.OpenAsync();
        var page = watched.Page;
        await watched.SendAsync(ReadmeRequest);
        var runId = await watched.RunIdAsync();
        Assert.Contains("run=" + runId, page.Url, StringComparison.Ordinal);

        await watched.WaitForPhaseAsync("code generation", "running");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServeFixture.ScreenshotDirectory, "desktop-running.png"), FullPage = true });

        await watched.WaitForPhaseAsync("delivery", "done");
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#file-tree li").First).ToBeVisibleAsync();
        foreach (var phase in new[] { "discovery", "masterplan", "code generation", "validation", "atomization", "wave planning", "wave execution", "file writing", "infrastructure" })
        {
            Assert.Equal("done", await watched.Phase(phase).GetAttributeAsync("data-state"));
        }

        using var http = new HttpClient { BaseAddress = serve.Server.Address };
        var status = await http.GetFromJsonAsync<JsonElement>($"api/projects/{runId}");
        var counts = status.GetProperty("counts");
        var tasks = counts.GetProperty("tasks").GetInt32();
        Assert.Equal($"{tasks - counts.GetProperty("tasksFailed").GetInt32()} / {tasks}", await watched.MetricAsync("tasks"));
        Assert.Equal(counts.GetProperty("atoms").GetInt32().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await watched.MetricAsync("atoms"));
        Assert.Equal(counts.GetProperty("waves").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await watched.MetricAsync("waves"));
        Assert.Equal("$" + status.GetProperty("usage").GetProperty("costUsd").GetDecimal().ToString("F4", System.Globalization.CultureInfo.InvariantCulture), await watched.MetricAsync("cost"));
        Assert.Equal(
            status.GetProperty("usage").GetProperty("tokensIn").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            await watched.MetricAsync("tokens-in"));
        Assert.True(await page.Locator(".chart svg rect").CountAsync() >= counts.GetProperty("waves").GetInt32());

        await page.ScreenshotAsync(new() { Path = Path.Combine(ServeFixture.ScreenshotDirectory, "desktop-finished.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download").ClickAsync());
        var zipPath = Path.Combine(Path.GetTempPath(), runId + ".zip");
        await download.SaveAsAsync(zipPath);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("Dockerfile", names);
            Assert.Contains("app/main.py", names);
            Assert.Equal(await page.Locator("#file-tree li").CountAsync(), names.Count(n => !n.EndsWith('/')));
        }

        File.Delete(zipPath);

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_a_run_on_a_phone_resumes_watching_to_the_end()
    {
        var watched = await serve.OpenAsync(390, 844);
        var page = watched.Page;
        await watched.SendAsync(ReadmeRequest);
        var runId = await watched.RunIdAsync();
        await watched.WaitForPhaseAsync("code generation", "running");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServeFixture.ScreenshotDirectory, "phone-running.png"), FullPage = true });

        await page.ReloadAsync();
        Assert.Equal(runId, await watched.RunIdAsync());
        Assert.NotEqual("done", await watched.Phase("delivery").GetAttributeAsync("data-state"));
        await watched.WaitForPhaseAsync("delivery", "done");
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#file-tree li").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServeFixture.ScreenshotDirectory, "phone-finished.png"), FullPage = true });

        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "serious" or "critical");
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task Two_pages_watching_the_same_run_both_see_it_finish()
    {
        var first = await serve.OpenAsync();
        await first.SendAsync("Build a FastAPI service for a library with books and authors");
        var runId = await first.RunIdAsync();

        var second = await serve.OpenAsync();
        await second.Page.GotoAsync(new Uri(serve.Server.Address, "/?run=" + runId).ToString());
        Assert.Equal(runId, await second.RunIdAsync());

        await first.WaitForPhaseAsync("delivery", "done");
        await second.WaitForPhaseAsync("delivery", "done");
        Assert.Equal(await first.MetricAsync("atoms"), await second.MetricAsync("atoms"));
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task A_failing_run_shows_the_failed_phase_and_the_error()
    {
        var watched = await serve.OpenAsync();
        await watched.SendAsync("hello there, build me something");
        await watched.RunIdAsync();

        await Assertions.Expect(watched.Page.Locator("#run-status")).ToHaveTextAsync("failed", new() { Timeout = 60_000 });
        await Assertions.Expect(watched.Page.Locator("#timeline li[data-state='failed']")).ToHaveCountAsync(1);
        await Assertions.Expect(watched.Page.Locator("#log li.err").First).ToBeVisibleAsync();
        await Assertions.Expect(watched.Page.Locator("#summary")).ToBeHiddenAsync();
        await watched.Page.ScreenshotAsync(new() { Path = Path.Combine(ServeFixture.ScreenshotDirectory, "desktop-failed.png"), FullPage = true });
    }

    [Fact]
    public async Task Empty_and_oversized_requests_show_validation_messages_and_start_nothing()
    {
        var watched = await serve.OpenAsync();
        var page = watched.Page;
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("Write what MGE should build");

        await page.Locator("#request").EvaluateAsync("(box) => { box.value = 'Create a FastAPI API for users ' + 'x'.repeat(1024 * 1024); }");
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("too large", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#run")).ToBeHiddenAsync();
        Assert.DoesNotContain(watched.Errors, e => !e.Contains("413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_in_a_request_is_shown_as_text_and_never_runs()
    {
        var watched = await serve.OpenAsync();
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        await watched.SendAsync(hostile);

        await Assertions.Expect(watched.Page.Locator("#conversation")).ToContainTextAsync(hostile, new() { Timeout = 15_000 });
        Assert.Equal(0, await watched.Page.Locator("#conversation script, #conversation img").CountAsync());
        await watched.Page.WaitForTimeoutAsync(500);
        Assert.Empty(watched.Dialogs);
        Assert.Empty(watched.Errors);
    }
}
