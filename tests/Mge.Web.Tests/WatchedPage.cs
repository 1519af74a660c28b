using Microsoft.Playwright;

namespace Mge.Web.Tests;

/// <summary>A Playwright page with the console errors, page errors and dialogs it produced.</summary>
public sealed class WatchedPage
{
    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (Errors)
                {
                    Errors.Add("console: " + message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (Errors)
            {
                Errors.Add("page: " + error);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (Dialogs)
            {
                Dialogs.Add(dialog.Message);
            }

            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public async Task SendAsync(string request)
    {
        await Page.Locator("#request").FillAsync(request);
        await Page.Locator("#send").ClickAsync();
    }

    /// <summary>The run id the page shows once a run started.</summary>
    public async Task<string> RunIdAsync()
    {
        await Assertions.Expect(Page.Locator("#run-id")).Not.ToBeEmptyAsync(new() { Timeout = 15_000 });
        return await Page.Locator("#run-id").InnerTextAsync();
    }

    public ILocator Phase(string name) => Page.Locator($"#timeline li[data-phase='{name}']");

    public Task WaitForPhaseAsync(string name, string state, int timeoutMs = 60_000) =>
        Assertions.Expect(Phase(name)).ToHaveAttributeAsync("data-state", state, new() { Timeout = timeoutMs });

    public Task<string> MetricAsync(string id) => Page.Locator($"dd[data-metric='{id}']").InnerTextAsync();
}
