using Mge.Cli.Generation;
using Mge.Cli.Terminal;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;

namespace Mge.Cli.Tests;

public sealed class LiveProgressViewTests
{
    [Fact]
    public async Task The_last_frame_shows_every_event_applied_before_the_work_finished()
    {
        using var writer = new StringWriter();
        var environment = new CliEnvironment(writer, TextWriter.Null, OutIsTerminal: true, ErrorIsTerminal: false, ColorAllowed: false, Path.GetTempPath());
        var board = new RunProgressBoard();
        var view = new LiveProgressView(board, SpectreConsoles.ForOut(environment));
        var observer = new ConsoleProgressObserver(board, view);

        var result = await view.ShowWhileAsync(async () =>
        {
            await observer.OnEventAsync(ProgressEvents.MasterPlanGenerationComplete("r", 1, 1, 3, 0m), CancellationToken.None);
            await Task.Delay(150);
            await observer.OnEventAsync(ProgressEvents.CostUpdate("r", PipelinePhase.Delivery, "final", new UsageTotals(1_234, 567, 0, 0.5m, 3)), CancellationToken.None);
            await observer.OnEventAsync(ProgressEvents.Complete("r", 3, 10, 2, 1, 2.5, "r.zip", UsageTotals.Zero), CancellationToken.None);
            return 42;
        });

        Assert.Equal(42, result);
        var output = System.Text.RegularExpressions.Regex.Replace(writer.ToString(), @"\u001b\[[0-9;?]*[A-Za-z]", "");
        var lastFrame = output[output.LastIndexOf("discovery", StringComparison.Ordinal)..];
        Assert.True(lastFrame.Contains("delivery        1/1", StringComparison.Ordinal), output);
        Assert.Contains("code generation 3/3", lastFrame);
        Assert.Contains("1,234 in / 567 out", lastFrame);
    }

    [Theory]
    [InlineData(80, new[] { "19 succeeded, 0 failed", "first check: 0 errors, 0 wa...", "147 passed, 0 repaired, 0 f..." })]
    [InlineData(120, new[] { "2 contexts, 2 aggregates, 3 entities", "first check: 0 errors, 0 warnings", "147 passed, 0 repaired, 0 failed; precision 100.0 %" })]
    public async Task No_line_is_wider_than_the_terminal_and_the_bar_gives_way_to_the_details(int width, string[] details)
    {
        using var writer = new StringWriter();
        var console = SpectreConsoles.ForOut(new CliEnvironment(writer, TextWriter.Null, OutIsTerminal: true, ErrorIsTerminal: false, ColorAllowed: false, Path.GetTempPath()));
        console.Profile.Width = width;
        var board = new RunProgressBoard();
        var view = new LiveProgressView(board, console);
        var observer = new ConsoleProgressObserver(board, view);

        await view.ShowWhileAsync(async () =>
        {
            foreach (var progressEvent in new[]
            {
                ProgressEvents.DiscoveryGenerationComplete("r", 2, 2, 3),
                ProgressEvents.MasterPlanGenerationComplete("r", 4, 8, 19, 0m),
                ProgressEvents.CodeGenerationComplete("r", 19, 19, 0, UsageTotals.Zero),
                ProgressEvents.CodeValidationComplete("r", 0, 19, 0, 0, 0, []),
                ProgressEvents.ExecutionComplete("r", 8, 147, 147, 0, 0, 1.0),
                ProgressEvents.CostUpdate("r", PipelinePhase.Delivery, "final", new UsageTotals(32_506, 9_720, 20_736, 0.0092m, 21)),
                ProgressEvents.Complete("r", 19, 147, 8, 1.0, 2.5, "r.zip", UsageTotals.Zero),
            })
            {
                await observer.OnEventAsync(progressEvent, CancellationToken.None);
            }

            return 0;
        });

        // Each redraw moves the cursor up and rewrites the lines: an escape sequence ends a screen line too.
        var output = System.Text.RegularExpressions.Regex.Replace(writer.ToString(), @"\u001b\[[0-9;?]*[A-Za-z]", "\n");
        var widest = output.Split('\n').Select(l => l.TrimEnd('\r')).MaxBy(l => l.Length)!;
        Assert.True(widest.Length <= width, $"a line of {widest.Length} columns at {width}:\n{widest}");
        var lastFrame = output[output.LastIndexOf("discovery", StringComparison.Ordinal)..];
        Assert.All(details, d => Assert.Contains(d, lastFrame, StringComparison.Ordinal));
        // The cost leads the usage line, so a narrow terminal shortens the token counts, never the dollars.
        Assert.Contains("usage           $0.0092: 32,506 in", lastFrame, StringComparison.Ordinal);
    }
}
