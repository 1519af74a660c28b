using System.Text.RegularExpressions;
using Mge.Cli.Generation;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;
using Mge.Workflow;
using Spectre.Console;

namespace Mge.Cli.Tests;

/// <summary>
/// The summary of <c>mge generate</c> / <c>mge resume</c>, the lines of <c>mge status</c> and the table of
/// <c>mge list</c> at 80 and 120 columns (a terminal) and redirected (COLUMNS or 100): no line is wider than the
/// console, and no value loses a character to wrapping; words that fit their cell are never broken. Long
/// values are the point: a real model's run skips checks of several file kinds and writes under deep paths.
/// </summary>
public sealed partial class SummaryLayoutTests
{
    private const string RunId = "mge-20261204T163836Z-d31fca";

    /// <summary>The README's example request: 78 characters, so "mge status" wraps it at 80 columns.</summary>
    private const string Request = "Create a FastAPI REST API for task management with users, tasks and comments";

    private static readonly string[] ChecksSkipped =
    [
        "all checks of .cfg files (no language service)",
        "all checks of .html files (no language service)",
        "all checks of files without extension (no language service)",
        "imports (python)",
        "types (python)",
    ];

    private static readonly string[] PathsRejected = ["../../etc/passwd", "/etc/shadow", @"C:\Windows\System32\drivers\etc\hosts"];

    // One path without a space that is wider than the value cell at 80 columns, one with spaces.
    private const string ZipPath = "/home/someone/projects/clients/acme-corporation/generated-projects/customer-relationship-management-platform.zip";
    private const string FolderPath = "/home/someone/My Projects/clients/acme corporation/generated projects/customer-relationship-management-platform";

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void The_summary_on_a_terminal_fits_its_width_and_keeps_every_value(int width)
    {
        using var writer = new StringWriter();
        var console = SpectreConsoles.ForOut(new CliEnvironment(writer, TextWriter.Null, OutIsTerminal: true, ErrorIsTerminal: false, ColorAllowed: false, Path.GetTempPath()));
        console.Profile.Width = width;

        GenerationReport.WriteTable(console, Outcome());

        AssertSameSummary(WithoutAnsi(writer.ToString()), width);
    }

    [Theory]
    [InlineData(null, CliEnvironment.DefaultRedirectedWidth)]
    [InlineData("72", 72)]
    [InlineData("132", 132)]
    public void The_summary_redirected_fits_COLUMNS_or_100_and_keeps_every_value(string? columns, int width)
    {
        using var writer = new StringWriter();
        var environment = CliEnvironment.ForWriters(writer, TextWriter.Null) with { RedirectedWidth = CliEnvironment.WidthFromColumns(columns) };

        GenerationReport.WriteTable(SpectreConsoles.ForOut(environment), Outcome());

        var output = writer.ToString();
        Assert.DoesNotContain('\u001b', output);
        AssertSameSummary(output, width);
    }

    [Fact]
    public void Lists_show_one_entry_per_line()
    {
        using var writer = new StringWriter();
        GenerationReport.WriteTable(SpectreConsoles.ForOut(CliEnvironment.ForWriters(writer, TextWriter.Null)), Outcome());

        var table = RenderedTable.Parse(writer.ToString());
        Assert.Equal(ChecksSkipped.Select(e => $"- {e}"), table.Row("checks skipped"));
        Assert.Equal(PathsRejected.Select(e => $"- {e}"), table.Row("paths rejected"));
        Assert.Equal(["none"], table.Row("paths confined"));
    }

    [Theory]
    [InlineData(null, CliEnvironment.DefaultRedirectedWidth)]
    [InlineData("80", 80)]
    [InlineData("120", 120)]
    [InlineData("", CliEnvironment.DefaultRedirectedWidth)]
    [InlineData("wide", CliEnvironment.DefaultRedirectedWidth)]
    [InlineData("-80", CliEnvironment.DefaultRedirectedWidth)]
    [InlineData("12", CliEnvironment.DefaultRedirectedWidth)]
    [InlineData("100000", CliEnvironment.DefaultRedirectedWidth)]
    public void COLUMNS_sets_the_redirected_width_when_it_is_a_sane_number(string? columns, int width) =>
        Assert.Equal(width, CliEnvironment.WidthFromColumns(columns));

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(CliEnvironment.DefaultRedirectedWidth)]
    public void Status_lines_fit_the_width_and_wrap_values_under_their_column(int width)
    {
        var run = Overview();
        var output = Status(run, width);

        AssertFits(output, width);
        var valueColumn = output.Split('\n')[0].IndexOf(RunId, StringComparison.Ordinal);
        Assert.True(valueColumn > 0, output);
        var status = RenderedTable.ParseColumns(output, valueColumn, width);
        var reference = RenderedTable.ParseColumns(Status(run, 1000), valueColumn, 1000);
        Assert.Equal(reference.Rows.Select(r => r.Item), status.Rows.Select(r => r.Item));
        Assert.All(reference.Rows, r => Assert.Equal(r.Fragments, [string.Join(" ", status.Row(r.Item))]));
        foreach (var (item, value) in new[] { ("request", run.Request), ("error", run.Error!), ("resume", run.Note), ("storage", "/tmp/out/.mge") })
        {
            Assert.Equal(value, string.Join(" ", status.Row(item)));
        }

        Assert.True(status.Row("request").Count > 1, "a long request wraps under its column");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(CliEnvironment.DefaultRedirectedWidth)]
    [InlineData(120)]
    public void The_run_list_fits_the_width_and_keeps_run_ids_whole(int width)
    {
        using var writer = new StringWriter();
        var runs = new[]
        {
            Overview(),
            Overview() with { RunId = "mge-20261205T090000Z-0a1b2c", Status = "budget_exceeded", OrchestrationStatus = "Completed", ProjectName = null },
        };

        RunOverviewReport.WriteList(CliEnvironment.ForWriters(writer, TextWriter.Null) with { RedirectedWidth = width }, runs, "/tmp/out/.mge");

        var output = writer.ToString();
        AssertFits(output, width);
        var lines = output.Split('\n');
        Assert.All(runs, r => Assert.Contains(lines, l => Regex.IsMatch(l, $@"^│ {r.RunId} +│")));

        // Under each id its project (or the start of its request), folded inside the first column when longer.
        var firstColumn = RenderedTable.Squeeze(string.Concat(lines.Skip(3).Where(l => l.StartsWith('│')).Select(l => l.Split('│')[1])));
        Assert.Contains($"{RunId}customer-relationship-management-platform", firstColumn, StringComparison.Ordinal);
        Assert.Contains("mge-20261205T090000Z-0a1b2cCreateaFastAPIRESTAPIforacustome…", firstColumn, StringComparison.Ordinal);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"│ failed +│ 2026-12-04 16:38 │ \$12\.3456 │$"));
        Assert.Contains("budget_exceeded", output, StringComparison.Ordinal);
        Assert.Contains("(completed)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_redirected_prints_the_summary_at_100_columns()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync(temp.Path, "generate", Request, "--out", "out");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        AssertFits(run.Stdout, CliEnvironment.DefaultRedirectedWidth);
        AssertDelivered(RenderedTable.Parse(run.Stdout), temp.Path);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_mge_process_redirected_follows_COLUMNS()
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string> { ["COLUMNS"] = "80", ["NO_COLOR"] = "1" };

        string runId;
        using (var generate = MgeProcess.Start(temp.Path, environment, "generate", Request, "--out", "out"))
        {
            Assert.True(await generate.WaitForExitAsync(TimeSpan.FromMinutes(2)) == ExitCodes.Success, generate.Stderr);
            AssertFits(generate.Stdout, 80);
            var table = RenderedTable.Parse(generate.Stdout);
            AssertDelivered(table, temp.Path);
            runId = Assert.Single(table.Row("run"));
        }

        using var status = MgeProcess.Start(temp.Path, environment, "status", runId, "--out", "out");
        Assert.True(await status.WaitForExitAsync(TimeSpan.FromMinutes(1)) == ExitCodes.Success, status.Stderr);
        AssertFits(status.Stdout, 80);
        var lines = RenderedTable.ParseColumns(status.Stdout, status.Stdout.IndexOf(runId, StringComparison.Ordinal), 80);
        Assert.True(lines.Row("request").Count > 1, "the request is longer than 80 columns: it wraps under its column");
        Assert.Equal(Request, string.Join(" ", lines.Row("request")));
    }

    // A completed run's table names its run and where the project went, whole (paths may be folded).
    private static void AssertDelivered(RenderedTable table, string workingDirectory)
    {
        Assert.Matches(RunIdPattern(), Assert.Single(table.Row("run")));
        var output = Path.Combine(workingDirectory, "out");
        Assert.Equal(RenderedTable.Squeeze(Path.Combine(output, "task-management-api.zip")), table.Compact("zip"));
        Assert.Equal(RenderedTable.Squeeze(Path.Combine(output, "task-management-api")), table.Compact("folder"));
        Assert.Equal(RenderedTable.Squeeze(Path.Combine(output, ".mge")), table.Compact("run records"));
        Assert.Equal(["types (python)"], table.Row("checks skipped"));
    }

    private static void AssertSameSummary(string output, int width)
    {
        AssertFits(output, width);
        var table = RenderedTable.Parse(output);
        var reference = Reference();
        Assert.Equal(reference.Rows.Select(r => r.Item), table.Rows.Select(r => r.Item));
        foreach (var (item, fragments) in reference.Rows)
        {
            // Nothing lost: the same characters in the same order, whatever the line breaks.
            Assert.Equal(RenderedTable.Squeeze(string.Concat(fragments)), table.Compact(item));

            // Wrapped at spaces (and paths after a separator, so a file name stays whole): every word, or path segment,
            // that fits the cell is still whole on one line.
            foreach (var word in string.Join(" ", fragments).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(w => System.Text.RegularExpressions.Regex.Split(w, "(?<=/)")).Where(w => w.Length > 0 && w.Length <= table.ValueWidth))
            {
                Assert.True(table.Row(item).Any(f => f.Split(' ').Any(token => token.Contains(word, StringComparison.Ordinal))), $"'{word}' of '{item}' is broken at {width} columns:\n{output}");
            }
        }
    }

    // The summary at a width nothing needs to wrap in, checked against the values the outcome holds.
    private static RenderedTable Reference()
    {
        using var writer = new StringWriter();
        GenerationReport.WriteTable(SpectreConsoles.ForOut(CliEnvironment.ForWriters(writer, TextWriter.Null) with { RedirectedWidth = 1000 }), Outcome());
        var reference = RenderedTable.Parse(writer.ToString());
        Assert.Equal([RunId], reference.Row("run"));
        Assert.Equal([ZipPath], reference.Row("zip"));
        Assert.Equal([FolderPath], reference.Row("folder"));
        Assert.Equal(["customer-relationship-management-platform (fastapi)"], reference.Row("project"));
        Assert.Equal(["5 task(s) failed the first validation, 2 repair round(s); 30 atom(s) repaired"], reference.Row("repairs"));
        Assert.Equal(["1,234,567 in / 345,678 out / 901,234 cached (123 calls)"], reference.Row("tokens"));
        Assert.Equal(ChecksSkipped.Select(e => $"- {e}"), reference.Row("checks skipped"));
        return reference;
    }

    private static void AssertFits(string output, int width)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count(l => l.Length > 0) > 3, output);
        var widest = lines.MaxBy(l => l.Length)!;
        Assert.True(widest.Length <= width, $"a line of {widest.Length} columns at {width}:\n{widest}\n{output}");
    }

    private static string Status(RunOverview run, int width)
    {
        using var writer = new StringWriter();
        RunOverviewReport.WriteStatus(CliEnvironment.ForWriters(writer, TextWriter.Null) with { RedirectedWidth = width }, run, "/tmp/out/.mge");
        return writer.ToString();
    }

    private static string WithoutAnsi(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^\d{8}-\d{6}-[0-9a-f]{12}$")]
    private static partial Regex RunIdPattern();

    private static GenerationOutcome Outcome() => new(
        RunId,
        Completed: true,
        new GenerationSummary
        {
            RunId = RunId,
            ProjectName = "customer-relationship-management-platform",
            ProjectType = "fastapi",
            Model = "gpt-4o-mini-2024-07-18",
            Tasks = 42,
            TasksFailed = 3,
            Atoms = 1234,
            Waves = 17,
            AtomsPassed = 1200,
            AtomsRepaired = 30,
            AtomsFailed = 4,
            Precision = 0.9967,
            Files = 58,
            ChecksSkipped = ChecksSkipped,
            PathsRejected = PathsRejected,
            Usage = new UsageTotals(1_234_567, 345_678, 901_234, 12.3456m, 123),
            PhaseSeconds = new Dictionary<string, double> { ["Discovery"] = 12.5, ["CodeGeneration"] = 181.25, ["WaveExecution"] = 95.5 },
            TotalSeconds = 301.25,
            WorkspaceZip = $"{RunId}.zip",
        },
        new DeliveryPaths(ZipPath, FolderPath),
        FailedPhase: null,
        Error: null,
        StorageRoot: "/home/someone/projects/clients/acme-corporation/generated-projects/.mge",
        new RepairReport(5, 2));

    private static RunOverview Overview() => new()
    {
        RunId = RunId,
        Status = "failed",
        InstanceId = RunId,
        Phase = "wave_execution",
        Progress = new GenerationProgress("wave_execution", 812, 1234, 9),
        Request = "Create a FastAPI REST API for a customer relationship management platform with companies, contacts, "
            + "deals, pipelines, activities, invoices and reports, with JWT authentication, role-based permissions and audit logs",
        ProjectType = "fastapi",
        ProjectName = "customer-relationship-management-platform",
        CreatedAt = new DateTimeOffset(2026, 12, 4, 16, 38, 36, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 12, 4, 16, 43, 12, TimeSpan.Zero),
        Counts = new RunCounts(42, 1234, 812, 123, 2048),
        Usage = new UsageTotals(1_234_567, 345_678, 901_234, 12.3456m, 123),
        FailedPhase = "wave_execution",
        Error = "the model endpoint answered 503 Service Unavailable five times in a row for atom 812 (app/services/invoice_service.py); giving up after 4 retries",
        Note = "failed: a failed run cannot be resumed; start a new one with 'mge generate'",
    };
}
