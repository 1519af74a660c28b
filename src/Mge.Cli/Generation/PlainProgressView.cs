using System.Globalization;
using Mge.Pipeline.Progress;

namespace Mge.Cli.Generation;

/// <summary>
/// Progress as one plain line per event ("[00:03] code generation 4/12 task 4 Create the Task model"), for
/// logs, CI and tests: no ANSI, no cursor movement, nothing that needs a terminal.
/// </summary>
public sealed class PlainProgressView(RunProgressBoard board, TextWriter writer, TimeProvider time) : IRunProgressView
{
    // One line per plan item or per token chunk would bury the lines that matter; the board still counts them.
    private static readonly HashSet<string> ChattyTypes = new(StringComparer.Ordinal)
    {
        ProgressEvents.MasterPlanEntityDiscoveredType,
        ProgressEvents.DiscoveryTokensProgressType,
        ProgressEvents.MasterPlanTokensProgressType,
    };

    private readonly object gate = new();
    private readonly Dictionary<string, string> lastLineByRow = new(StringComparer.Ordinal);
    private readonly long startedAt = time.GetTimestamp();

    public Task<T> ShowWhileAsync<T>(Func<Task<T>> work) => work();

    public void OnEvent(ProgressEvent progressEvent, string? row)
    {
        if (ChattyTypes.Contains(progressEvent.Type))
        {
            return;
        }

        string? line = null;
        if (row is not null)
        {
            var current = board.Snapshot().First(r => r.Name == row);
            var fraction = current.Total > 0 ? $" {current.Done}/{current.Total}" : "";
            var state = current.State == PhaseRowState.Failed ? " FAILED:" : "";
            line = $"{row}{fraction}{state} {current.Detail}".TrimEnd();
        }
        else if (progressEvent.Type == ProgressEvents.CostUpdateType && !progressEvent.Data.ContainsKey("call_key"))
        {
            // Per-call cost events would drown the log; the phase-level snapshots are enough for a reader.
            var usage = board.Usage;
            line = string.Create(CultureInfo.InvariantCulture, $"cost {usage.Input:N0} tokens in, {usage.Output:N0} out, {usage.Cached:N0} cached, ${usage.CostUsd:0.0000}");
        }

        if (line is null)
        {
            return;
        }

        var elapsed = time.GetElapsedTime(startedAt);
        lock (gate)
        {
            // Events are at-least-once (a re-run activity publishes again): the same news is printed once.
            if (!lastLineByRow.TryAdd(row ?? progressEvent.Type, line))
            {
                if (lastLineByRow[row ?? progressEvent.Type] == line)
                {
                    return;
                }

                lastLineByRow[row ?? progressEvent.Type] = line;
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}] {line}"));
            writer.Flush();
        }
    }
}
