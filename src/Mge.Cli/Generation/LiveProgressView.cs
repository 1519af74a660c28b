using System.Globalization;
using Mge.Pipeline.Progress;
using Spectre.Console;

namespace Mge.Cli.Generation;

/// <summary>
/// Live Spectre.Console progress bars on a terminal: one bar per phase with done/total and a detail, and a
/// line with tokens and cost so far. Events only update the board; a single loop copies the board into the
/// bars, so Spectre is only ever touched from one thread.
/// </summary>
public sealed class LiveProgressView(RunProgressBoard board, IAnsiConsole console) : IRunProgressView
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private const int WidestBar = 20;

    private const int NarrowestBar = 6;

    // Name (15) + done/total (9) + percentage (4) + elapsed (8) + the gaps between them and the bar, and a margin
    // of 3 so no line reaches the last column (the cursor would wrap): what the bar leaves is for the detail.
    private const int FixedColumns = 15 + 1 + 9 + 1 + 1 + 1 + 4 + 1 + 8 + 3;

    // The longest detail the board writes ("147 passed, 0 repaired, 0 failed; precision 100.0 %").
    private const int DetailWanted = 52;

    // The bar gives way to the text first: at 80 columns a 20-cell bar left the detail 16 characters
    // ("first check: ..."), a 6-cell one leaves it 30 ("first check: 0 errors, 0 warnings" nearly whole).
    private readonly int barWidth = Math.Clamp(console.Profile.Width - FixedColumns - DetailWanted, NarrowestBar, WidestBar);

    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        var progress = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = barWidth }, new PercentageColumn(), new ElapsedTimeColumn());

        return await progress.StartAsync(async context =>
        {
            var bars = RunProgressBoard.Rows.Select(r => context.AddTask(r.Name, autoStart: false, maxValue: 1)).ToList();
            var usageLine = context.AddTask("tokens", autoStart: true, maxValue: 1).IsIndeterminate(true);
            var running = work();
            while (!running.IsCompleted)
            {
                Copy(board.Snapshot(), bars, usageLine);
                context.Refresh();
                await Task.WhenAny(running, Task.Delay(RefreshInterval));
            }

            // A refresh can take long enough (the first one JIT-compiles the renderer) for the last events to
            // arrive meanwhile: the final frame is always copied after the work has finished.
            Copy(board.Snapshot(), bars, usageLine);
            usageLine.IsIndeterminate(false).Value(1);
            usageLine.StopTask();
            return await running;
        });
    }

    public void OnEvent(ProgressEvent progressEvent, string? row)
    {
        // The refresh loop picks the change up from the board.
    }

    private void Copy(IReadOnlyList<PhaseRow> rows, IReadOnlyList<ProgressTask> bars, ProgressTask usageLine)
    {
        var detailWidth = Math.Clamp(console.Profile.Width - FixedColumns - barWidth, 0, 60);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var bar = bars[i];
            if (row.State != PhaseRowState.Pending && !bar.IsStarted)
            {
                bar.StartTask();
            }

            var total = Math.Max(1, row.Total);
            bar.MaxValue = total;
            bar.Value = row.State == PhaseRowState.Done ? total : Math.Min(row.Done, total);
            var fraction = row.Total > 0 ? $"{row.Done}/{row.Total}" : "";
            var color = row.State switch
            {
                PhaseRowState.Done => "green",
                PhaseRowState.Failed => "red",
                PhaseRowState.Running => "yellow",
                _ => "grey",
            };
            bar.Description = $"[{color}]{Markup.Escape(row.Name),-15}[/] {fraction,-9} {Markup.Escape(Shorten(row.Detail, detailWidth))}";
            if (row.State is PhaseRowState.Done or PhaseRowState.Failed && bar.StopTime is null)
            {
                bar.StopTask();
            }
        }

        var usage = board.Usage;
        // The cost comes first: on a narrow terminal the token counts are what gets shortened, not the dollars.
        var usageText = string.Create(CultureInfo.InvariantCulture,
            $"${usage.CostUsd:0.0000}: {usage.Input:N0} in / {usage.Output:N0} out / {usage.Cached:N0} cached");
        // This row has no done/total, so its text also takes those 10 columns.
        usageLine.Description = $"[blue]{"usage",-15}[/] {Markup.Escape(Shorten(usageText, detailWidth + 10))}";
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : max <= 3 ? "" : string.Concat(text.AsSpan(0, max - 3), "...");
}
