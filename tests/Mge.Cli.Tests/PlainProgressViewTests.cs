using Mge.Cli.Generation;
using Mge.Pipeline.Progress;

namespace Mge.Cli.Tests;

public sealed class PlainProgressViewTests
{
    [Fact]
    public async Task Writes_one_plain_line_per_phase_event_without_ansi()
    {
        var board = new RunProgressBoard();
        using var writer = new StringWriter();
        var observer = new ConsoleProgressObserver(board, new PlainProgressView(board, writer, TimeProvider.System));

        await observer.OnEventAsync(ProgressEvents.DiscoveryGenerationComplete("r", 2, 3, 4), CancellationToken.None);
        await observer.OnEventAsync(ProgressEvents.CodeGenerationProgress("r", 1, "User model", 1, 9, 120, true), CancellationToken.None);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[\d\d:\d\d\] discovery 1/1 2 contexts, 3 aggregates, 4 entities", lines[0]);
        Assert.Contains("code generation 1/9 task 1 User model", lines[1]);
        Assert.DoesNotContain('\u001b', writer.ToString());
    }
}
