using System.Globalization;
using System.Text.Json.Nodes;
using Mge.Cli.Terminal;
using Spectre.Console;

namespace Mge.Cli.Runs;

/// <summary><c>mge status</c> and <c>mge list</c> output: one JSON object per run (snake_case) or readable lines and a table.</summary>
public static class RunOverviewReport
{
    // "failed phase", the longest item name: values start in the same column whichever lines a run has.
    private const int StatusItemWidth = 12;
    private const int StatusItemGap = 2;

    // The list's four columns: five bars and a space either side of each cell; "yyyy-MM-dd HH:mm".
    private const int ListBorders = 5 + (4 * 2);
    private const int CreatedWidth = 16;

    public static JsonObject Json(RunOverview run, string storage)
    {
        var json = new JsonObject
        {
            ["run_id"] = run.RunId,
            ["status"] = run.Status,
            ["orchestration_status"] = run.OrchestrationStatus,
            ["instance_id"] = run.InstanceId,
            ["phase"] = run.Phase,
            ["progress"] = run.Progress is { } p
                ? new JsonObject { ["phase"] = p.Phase, ["done"] = p.Done, ["total"] = p.Total, ["wave"] = p.Wave }
                : null,
            ["request"] = run.Request,
            ["project_type"] = run.ProjectType,
            ["project_name"] = run.ProjectName,
            ["created_at"] = run.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["updated_at"] = run.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["calls"] = run.Usage.Calls,
            ["tokens_input"] = run.Usage.InputTokens,
            ["tokens_output"] = run.Usage.OutputTokens,
            ["tokens_cached"] = run.Usage.CachedTokens,
            ["cost_usd"] = run.Usage.CostUsd,
            ["failed_phase"] = run.FailedPhase,
            ["error"] = run.Error,
            ["workspace_zip"] = run.WorkspaceZip,
            ["resumable"] = run.Resumable,
            ["note"] = run.Note,
            ["storage"] = storage,
        };
        if (run.Counts is { } counts)
        {
            json["tasks"] = counts.Tasks;
            json["atoms"] = counts.Atoms;
            json["results"] = counts.Results;
            json["events"] = counts.Events;
        }

        return json;
    }

    /// <summary>
    /// The status of one run as "item  value" lines. Values wrap at the console's width with their continuation
    /// lines indented under the value, so a long request or error stays readable at 80 columns and in a file.
    /// </summary>
    public static void WriteStatus(CliEnvironment environment, RunOverview run, string storage)
    {
        var console = SpectreConsoles.ForOut(environment);
        var grid = new Grid()
            .AddColumn(new GridColumn().NoWrap().Width(StatusItemWidth).PadRight(StatusItemGap))
            .AddColumn(new GridColumn().PadRight(0));
        void Line(string item, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow(new Text(item), new Text(value));
            }
        }

        void PathLine(string item, string? path) => Line(item, path is null ? null : PathText.Wrap(path, console.Profile.Width - StatusItemWidth - StatusItemGap));

        Line("run", run.RunId);
        Line("status", run.OrchestrationStatus is { } o ? $"{run.Status} (orchestration {o})" : run.Status);
        Line("phase", run.Progress is { } p ? $"{run.Phase} ({p.Done}/{p.Total}{(p.Wave is { } w ? $", wave {w}" : "")})" : run.Phase);
        Line("project", run.ProjectName is { } name ? $"{name} ({run.ProjectType})" : run.ProjectType);
        Line("request", run.Request);
        Line("created", run.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        Line("updated", run.UpdatedAt.ToString("u", CultureInfo.InvariantCulture));
        if (run.Counts is { } c)
        {
            Line("rows", $"{c.Tasks} tasks, {c.Atoms} atoms, {c.Results} results, {c.Calls} model calls, {c.Events} events");
        }

        Line("usage", string.Create(CultureInfo.InvariantCulture,
            $"{run.Usage.InputTokens:N0} tokens in / {run.Usage.OutputTokens:N0} out / {run.Usage.CachedTokens:N0} cached, ${run.Usage.CostUsd:0.0000} USD ({run.Usage.Calls} calls)"));
        Line("failed phase", run.FailedPhase);
        Line("error", run.Error);
        PathLine("zip", run.WorkspaceZip);
        Line("resume", run.Note);
        PathLine("storage", storage);
        console.Write(grid);
    }

    /// <summary>The runs as a table: id and project, status, created, cost.</summary>
    public static void WriteList(CliEnvironment environment, IReadOnlyList<RunOverview> runs, string storage)
    {
        var console = SpectreConsoles.ForOut(environment);
        var rows = runs.Select(run => (
            run.RunId,
            Project: run.ProjectName ?? Shorten(run.Request),
            Status: run.OrchestrationStatus is { } o && !string.Equals(o, run.Status, StringComparison.OrdinalIgnoreCase)
                ? $"{run.Status} ({o.ToLowerInvariant()})"
                : run.Status,
            Created: run.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Cost: string.Create(CultureInfo.InvariantCulture, $"${run.Usage.CostUsd:0.0000}"))).ToList();

        // The project sits under its run id rather than in a column of its own: five columns do not fit 80
        // (the project got 5 characters). The id, the date and the cost never break (people copy the id into
        // 'mge status' and 'mge resume'): the first column gets a fixed width (the longest id at least, the
        // longest project when what the other columns need leaves room for it) and, like the date and the
        // cost, is never shrunk; the status alone wraps when space runs short.
        var idWidth = rows.Select(r => r.RunId.Length).DefaultIfEmpty(0).Max();
        var others = ListBorders + CreatedWidth + rows.Select(r => r.Cost.Length).DefaultIfEmpty(0).Max()
            + rows.SelectMany(r => r.Status.Split(' ')).Append("status").Max(w => w.Length);
        var runWidth = Math.Max(idWidth, Math.Min(rows.Select(r => r.Project.Length).DefaultIfEmpty(0).Max(), console.Profile.Width - others));
        var table = new Table().Border(TableBorder.Rounded).Title($"runs in {Markup.Escape(storage)}")
            .AddColumn(new TableColumn("run / project") { Width = Math.Max(runWidth, "run / project".Length) }.NoWrap())
            .AddColumn(new TableColumn("status"))
            .AddColumn(new TableColumn("created").NoWrap())
            .AddColumn(new TableColumn("cost").NoWrap().RightAligned());
        foreach (var row in rows)
        {
            // Dimmed (where colour is on) so that a folded project does not read as the next run's id.
            table.AddRow(new Rows(new Text(row.RunId), new Text(row.Project, new Style(Color.Grey))), new Text(row.Status), new Text(row.Created), new Text(row.Cost));
        }

        console.Write(table);
    }

    private static string Shorten(string request) => request.Length <= 40 ? request : request[..39] + "…";
}
