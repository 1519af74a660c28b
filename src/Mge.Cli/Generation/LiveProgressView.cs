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

    private const int BarWidth = 20;

    // Name (15) + done/total (9) + bar + percentage (4) + elapsed (8) + column gaps: what is left is for the detail.
    private const int FixedColumns = 15 + 1 + 9 + 1 + BarWidth + 1 + 4 + 1 + 8 + 4;

    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        var progress = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth }, new PercentageColumn(), new ElapsedTimeColumn());

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
        var detailWidth = Math.Clamp(console.Profile.Width - FixedColumns, 0, 60);
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
        var usageText = string.Create(CultureInfo.InvariantCulture,
            $"{usage.Input:N0} in / {usage.Output:N0} out / {usage.Cached:N0} cached, ${usage.CostUsd:0.0000}");
        usageLine.Description = $"[blue]{"tokens",-15}[/] {Markup.Escape(Shorten(usageText, Math.Max(0, console.Profile.Width - FixedColumns + 9)))}";
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : max <= 3 ? "" : string.Concat(text.AsSpan(0, max - 3), "...");
}
