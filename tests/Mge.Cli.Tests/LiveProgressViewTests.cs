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
}
