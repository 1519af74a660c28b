using Mge.Cli.Runs;
using Mge.Cli.Serve;
using Mge.Cli.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Mge.Web.Tests;

/// <summary>
/// One <c>mge serve</c> (in-process, a free port, runs under a temporary folder) with the offline model slowed to
/// 200 ms per call so a run lasts a few seconds, and one headless Debian chromium driven by Playwright.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private readonly string root = Path.Combine(Path.GetTempPath(), "mge-web-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? playwright;

    public ServeHost Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public StringWriter ServerErrors { get; } = new();

    /// <summary>Where screenshots go: TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mge:Model:Offline:SimulatedLatency"] = "00:00:00.200",
            // The page's tests watch phases, not the project's install (npm install alone takes ~20 s here): the
            // verification row then reads "not run: verification is disabled".
            ["Mge:Verification:Enabled"] = "false",
        }).Build();
        var environment = CliEnvironment.ForWriters(TextWriter.Null, ServerErrors, root);
        Server = await ServeHost.StartAsync(new ServeSettings(0, RunStorage.Local(Path.Combine(root, "out"))), configuration, environment, CancellationToken.None);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page (own context) of the given size that records console errors and page errors.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var watched = new WatchedPage(page);
        await page.GotoAsync(Server.Address.ToString());
        return watched;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}
