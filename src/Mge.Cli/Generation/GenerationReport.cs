using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mge.Cli.Terminal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mge.Cli.Generation;

/// <summary>The end of a generate run for people (a table) and for machines (one JSON object).</summary>
public static class GenerationReport
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };

    /// <summary>The GenerationSummary's fields in snake_case plus status, zip_path and folder_path; or, for a failed run, the failed phase and error.</summary>
    public static JsonObject Json(GenerationOutcome outcome)
    {
        var json = outcome.Summary is { } summary
            ? JsonSerializer.SerializeToNode(summary, SnakeCase)!.AsObject()
            : new JsonObject { ["run_id"] = outcome.RunId };
        json["status"] = outcome.Completed ? "completed" : "failed";
        json["zip_path"] = outcome.Delivery?.ZipPath;
        json["folder_path"] = outcome.Delivery?.FolderPath;
        json["storage_path"] = outcome.StorageRoot;
        json["tasks_failing_first_validation"] = outcome.Repairs.TasksFailingFirstCheck;
        json["task_repair_rounds"] = outcome.Repairs.RepairRounds;
        if (!outcome.Completed)
        {
            json["failed_phase"] = outcome.FailedPhase;
            json["error"] = outcome.Error;
        }

        return json;
    }

    /// <summary>
    /// Writes the outcome of a run for <paramref name="command"/> ("mge generate", "mge resume"): JSON on stdout
    /// or the table, and for a failed run the phase and reason on stderr. Returns the exit code (0 completed, 1 failed).
    /// </summary>
    public static async Task<int> ReportAsync(Terminal.CliEnvironment environment, GenerationOutcome outcome, bool asJson, string command, CancellationToken cancellationToken, Action<JsonObject>? extend = null)
    {
        if (asJson)
        {
            var json = Json(outcome);
            extend?.Invoke(json);
            await environment.Out.WriteLineAsync(json.ToJsonString());
            await environment.Out.FlushAsync(cancellationToken);
        }
        else if (outcome.Completed)
        {
            WriteTable(Terminal.SpectreConsoles.ForOut(environment), outcome);
        }

        if (!outcome.Completed)
        {
            await environment.Error.WriteLineAsync($"{command}: run {outcome.RunId} failed in phase {outcome.FailedPhase ?? "unknown"}: {outcome.Error}");
            await environment.Error.WriteLineAsync($"{command}: the run's records are kept in {outcome.StorageRoot}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>The summary table and where the project was written.</summary>
    public static void WriteTable(IAnsiConsole console, GenerationOutcome outcome)
    {
        var summary = outcome.Summary ?? throw new InvalidOperationException("Only a completed run has a summary table.");
        // Each row's value is made once the value cell's width is known (paths break at separators to fit it).
        var rows = new List<(string Item, Func<int, IRenderable> Value)>();
        void Row(string item, string value) => rows.Add((item, _ => new Text(value)));
        void PathRow(string item, string path) => rows.Add((item, width => new Text(PathText.Wrap(path, width))));
        void ListRow(string item, IReadOnlyList<string> entries) => rows.Add((item, _ => List(entries)));

        Row("run", summary.RunId);
        Row("project", $"{summary.ProjectName} ({summary.ProjectType})");
        Row("model", summary.Model);
        Row("tasks", summary.TasksFailed > 0 ? $"{summary.Tasks} ({summary.TasksFailed} failed)" : N(summary.Tasks));
        Row("atoms", $"{summary.Atoms:N0}: {summary.AtomsPassed:N0} passed, {summary.AtomsRepaired:N0} repaired, {summary.AtomsFailed:N0} failed");
        Row("repairs", $"{outcome.Repairs.TasksFailingFirstCheck} task(s) failed the first validation, {outcome.Repairs.RepairRounds} repair round(s); {summary.AtomsRepaired} atom(s) repaired");
        Row("waves", N(summary.Waves));
        Row("precision", summary.Precision.ToString("P1", CultureInfo.InvariantCulture));
        Row("install", summary.InstallStatus);
        Row("tests", summary.TestsStatus.StartsWith("not run", StringComparison.Ordinal)
            ? summary.TestsStatus
            : $"{summary.TestsPassed} passed, {summary.TestsFailed} failed, {summary.TestsNotRun} not run ({summary.TestsStatus})");
        Row("smoke", summary.SmokeStatus.StartsWith("not run", StringComparison.Ordinal)
            ? summary.SmokeStatus
            : $"{summary.SmokeStatus} ({summary.SmokeProbesPassed} of {summary.SmokeProbesPassed + summary.SmokeProbesFailed} probes answered 2xx)");
        Row("isolation", summary.Isolation);
        Row("tokens", string.Create(CultureInfo.InvariantCulture, $"{summary.Usage.InputTokens:N0} in / {summary.Usage.OutputTokens:N0} out / {summary.Usage.CachedTokens:N0} cached ({summary.Usage.Calls:N0} calls)"));
        Row("estimated cost", string.Create(CultureInfo.InvariantCulture, $"${summary.Usage.CostUsd:0.0000} USD"));
        Row("files", N(summary.Files));
        foreach (var (phase, seconds) in summary.PhaseSeconds)
        {
            // Phase names come as enum names ("CodeGeneration"); the table shows them as the progress rows do.
            Row($"  {JsonNamingPolicy.SnakeCaseLower.ConvertName(phase).Replace('_', ' ')}", Seconds(seconds));
        }

        Row("duration", Seconds(summary.TotalSeconds));
        ListRow("checks skipped", summary.ChecksSkipped);
        ListRow("paths confined", summary.PathsConfined);
        ListRow("paths rejected", summary.PathsRejected);
        if (outcome.Delivery is { } delivery)
        {
            PathRow("zip", delivery.ZipPath);
            PathRow("folder", delivery.FolderPath);
        }

        PathRow("run records", outcome.StorageRoot);

        // The item names stay on one line; values wrap inside their cell, so the table fits the console's
        // width (the terminal's, or COLUMNS/100 when redirected) however long a path or a list gets.
        var table = new Table().Border(TableBorder.Rounded).Title("generation summary")
            .AddColumn(new TableColumn("item").NoWrap())
            .AddColumn(new TableColumn("value"));
        // "│ item │ value │": three bars and a space either side of both cells.
        var valueWidth = console.Profile.Width - rows.Max(r => r.Item.Length) - 7;
        foreach (var (item, value) in rows)
        {
            table.AddRow(new Text(item), value(valueWidth));
        }

        console.Write(table);
    }

    // One entry per line behind a dash, wrapped lines indented under their entry: entries such as "all checks
    // of .html files (no language service)" hold commas and spaces of their own, so a comma-joined list
    // wrapped in a narrow cell would not show where one entry ends and the next begins.
    private static IRenderable List(IReadOnlyList<string> entries)
    {
        if (entries.Count <= 1)
        {
            return new Text(entries.Count == 0 ? "none" : entries[0]);
        }

        var list = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn(new GridColumn().PadRight(0));
        foreach (var entry in entries)
        {
            list.AddRow(new Text("-"), new Text(entry));
        }

        return list;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
