using Microsoft.Extensions.Options;
using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Workspace;

namespace Mge.Pipeline.Verification;

/// <summary>
/// Phase 10: the generated project proves itself. The run's workspace files are copied from storage into a fresh
/// temporary folder; then, through <see cref="ISandbox"/> and with the commands of the stack's definition
/// (<see cref="ProjectStack.Commands"/>, each with <see cref="ProjectStack.EnvironmentFor"/>), the project's
/// dependencies are installed (network on), its own tests run (network off, the report read per test) and the
/// app is started and probed with the stack's probe (<see cref="ProjectStack.SmokeRoutes"/>: the health route
/// and one list route per entity).
/// Each step is stored as a row and a step that cannot run says "not run: why", never "passed". Everything is
/// recomputed and upserted under the run's keys, so the phase can run again after a crash.
/// </summary>
public sealed class VerificationPhase
{
    /// <summary>Characters of a step's output kept in its row.</summary>
    public const int OutputTailLength = 4000;

    private readonly RunRepository _repository;
    private readonly RunJournal _journal;
    private readonly VerificationStore _store;
    private readonly IProgressPublisher _progress;
    private readonly VerificationOptions _options;
    private readonly ISandbox? _sandbox;

    /// <param name="sandbox">Null in a host that must not run generated code (the Functions app): every step is then "not run".</param>
    public VerificationPhase(RunRepository repository, RunJournal journal, VerificationStore store, IProgressPublisher progress, IOptions<VerificationOptions> options, ISandbox? sandbox = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _repository = repository;
        _journal = journal;
        _store = store;
        _progress = progress;
        _options = options.Value;
        _sandbox = sandbox;
    }

    public async Task<VerificationOutcome> VerifyAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Verification, cancellationToken).ConfigureAwait(false);
        var plan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no masterplan; verification needs its project type.");
        var stack = ProjectStacks.For(plan.ProjectType);

        var skipped = !_options.Enabled ? $"verification is disabled ({VerificationOptions.SectionName}:Enabled is false)"
            : _sandbox is null ? "no sandbox is configured in this host (generated code never runs in its process)"
            : null;
        if (skipped is not null)
        {
            var steps = Enum.GetValues<SandboxStepKind>().Select(k => VerificationStepRecord.NotRunBecause(k, skipped)).ToList();
            foreach (var step in steps)
            {
                await PublishAsync(runId, step, cancellationToken).ConfigureAwait(false);
            }

            return await RecordAsync(runId, steps[0], steps[1], steps[2], [], cancellationToken).ConfigureAwait(false);
        }

        var workspace = Directory.CreateTempSubdirectory("mge-verify-");
        try
        {
            await CopyWorkspaceAsync(runId, workspace.FullName, cancellationToken).ConfigureAwait(false);

            var install = await RunInstallAsync(runId, stack, workspace.FullName, cancellationToken).ConfigureAwait(false);
            if (!install.IsPassed)
            {
                var reason = install.Status.StartsWith("not run", StringComparison.Ordinal) ? "the dependencies could not be installed" : "install failed";
                var test = VerificationStepRecord.NotRunBecause(SandboxStepKind.Test, reason);
                var smoke = VerificationStepRecord.NotRunBecause(SandboxStepKind.Smoke, reason);
                await PublishAsync(runId, test, cancellationToken).ConfigureAwait(false);
                await PublishAsync(runId, smoke, cancellationToken).ConfigureAwait(false);
                return await RecordAsync(runId, install, test, smoke, [], cancellationToken).ConfigureAwait(false);
            }

            var (testStep, tests) = await RunTestsAsync(runId, stack, workspace.FullName, cancellationToken).ConfigureAwait(false);
            var smokeStep = await RunSmokeAsync(runId, stack, workspace.FullName, cancellationToken).ConfigureAwait(false);
            return await RecordAsync(runId, install, testStep, smokeStep, tests, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // node_modules and a venv are large: the copy is only the sandbox's working folder.
            workspace.Delete(recursive: true);
        }
    }

    /// <summary>The run's workspace files, written under <paramref name="root"/> at their workspace paths (confined again here).</summary>
    private async Task CopyWorkspaceAsync(string runId, string root, CancellationToken cancellationToken)
    {
        foreach (var (path, content) in await WorkspaceArchive.ReadFilesAsync(_repository.Blobs, runId, cancellationToken).ConfigureAwait(false))
        {
            var target = WorkspacePath.Confine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<VerificationStepRecord> RunInstallAsync(string runId, ProjectStack stack, string workspace, CancellationToken cancellationToken)
    {
        await PublishStartAsync(runId, SandboxStepKind.Install, cancellationToken).ConfigureAwait(false);
        var install = stack.Commands.Install;
        var result = await _sandbox!.RunAsync(
            new SandboxStep(SandboxStepKind.Install, install.Argv, workspace, stack.EnvironmentFor(install), _options.InstallTimeLimit, _options.OutputCap, AllowNetwork: true),
            cancellationToken).ConfigureAwait(false);
        var status = result.Succeeded ? VerificationStepRecord.PassedStatus
            : result.TimedOut ? $"failed: timed out after {_options.InstallTimeLimit.TotalSeconds:0} s"
            : UnreachableIndexLine(result.Output, install.UnreachableIndexMarkers) is { } line ? $"not run: no package index reachable ({line})"
            : $"failed: exit code {result.ExitCode}";
        var record = Record(result, status, 0, 0, 0);
        await PublishAsync(runId, record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async Task<(VerificationStepRecord Step, IReadOnlyList<TestCaseRecord> Tests)> RunTestsAsync(string runId, ProjectStack stack, string workspace, CancellationToken cancellationToken)
    {
        await PublishStartAsync(runId, SandboxStepKind.Test, cancellationToken).ConfigureAwait(false);
        var test = stack.Commands.Test;
        var result = await _sandbox!.RunAsync(
            new SandboxStep(SandboxStepKind.Test, test.Argv, workspace, stack.EnvironmentFor(test), _options.TestTimeLimit, _options.OutputCap, AllowNetwork: false),
            cancellationToken).ConfigureAwait(false);

        // A report on stdout or stderr is in the step's output (the sandbox keeps both).
        string? reportText = result.Output;
        var reportFile = test.Report.Location == TestReportLocation.File ? test.Report.Path : null;
        if (reportFile is not null)
        {
            var path = WorkspacePath.Confine(workspace, reportFile);
            reportText = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }

        VerificationStepRecord record;
        IReadOnlyList<TestCaseRecord> tests = [];
        if (reportText is null)
        {
            record = Record(result, $"failed: the runner wrote no report ({reportFile}){Ending(result)}", 0, 0, 0);
        }
        else
        {
            TestReport report;
            try
            {
                report = TestReportReader.Read(test.Report.Format, reportText, workspace);
            }
            catch (FormatException e)
            {
                // A report that does not parse is a failed test run, said as such, not an error of the phase.
                report = new TestReport(test.Report.Format, [], 0, 0, 0, Complete: false);
                reportText = e.Message;
            }

            tests = report.Tests.Select((t, i) => TestCaseRecord.From(i + 1, t)).ToList();
            var status = report.Succeeded && !result.TimedOut ? VerificationStepRecord.PassedStatus
                : !report.Complete ? $"failed: the test report is incomplete{Ending(result)}"
                : $"failed: {report.Failed} test(s) failed";
            record = Record(result, status, report.Passed, report.Failed, report.Skipped) with { TestRecords = tests.Count };
        }

        await PublishAsync(runId, record, cancellationToken).ConfigureAwait(false);
        return (record, tests);
    }

    private async Task<VerificationStepRecord> RunSmokeAsync(string runId, ProjectStack stack, string workspace, CancellationToken cancellationToken)
    {
        await PublishStartAsync(runId, SandboxStepKind.Smoke, cancellationToken).ConfigureAwait(false);
        var discovery = await _repository.GetDiscoveryAsync(runId, cancellationToken).ConfigureAwait(false);
        var paths = stack.SmokeRoutes(discovery?.Document.Entities ?? []);
        var start = stack.Commands.Start;
        var environment = new Dictionary<string, string>(stack.EnvironmentFor(start), StringComparer.Ordinal)
        {
            [start.PortVariable] = SmokeStep.PortPlaceholder,
        };
        var smoke = await _sandbox!.SmokeAsync(
            new SmokeStep(
                new SandboxStep(SandboxStepKind.Smoke, start.Argv, workspace, environment, _options.SmokeTimeLimit, _options.OutputCap, AllowNetwork: false),
                _options.SmokePort,
                _options.ListenTimeout,
                paths,
                stack.Smoke.ProbeArgv,
                _options.ProbeTimeout),
            cancellationToken).ConfigureAwait(false);
        var passed = smoke.Probes.Count(p => p.Succeeded);
        var notProbed = smoke.Probes.Count(p => p.StatusCode is null && p.Error?.StartsWith("not probed", StringComparison.Ordinal) == true);
        var failed = smoke.Probes.Count - passed - notProbed;
        var status = smoke.Succeeded ? VerificationStepRecord.PassedStatus
            : !smoke.Started ? $"failed: the app did not listen on port {smoke.Port}{Ending(smoke.App)}"
            : $"failed: {string.Join(", ", smoke.Probes.Where(p => !p.Succeeded).Select(p => $"{p.Path} {(p.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? p.Error)}"))}";
        var record = Record(smoke.App, status, passed, failed, notProbed);
        await PublishAsync(runId, record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async Task<VerificationOutcome> RecordAsync(
        string runId, VerificationStepRecord install, VerificationStepRecord test, VerificationStepRecord smoke, IReadOnlyList<TestCaseRecord> tests, CancellationToken cancellationToken)
    {
        await _store.SaveTestsAsync(runId, tests, cancellationToken).ConfigureAwait(false);
        foreach (var step in new[] { install, test, smoke })
        {
            await _store.SaveStepAsync(runId, step, cancellationToken).ConfigureAwait(false);
        }

        return VerificationOutcome.From(install, test, smoke);
    }

    private Task PublishStartAsync(string runId, SandboxStepKind step, CancellationToken cancellationToken) =>
        _progress.PublishAsync(ProgressEvents.VerificationStepStart(runId, VerificationStore.StepRow(step)), cancellationToken);

    private Task PublishAsync(string runId, VerificationStepRecord step, CancellationToken cancellationToken) =>
        _progress.PublishAsync(
            ProgressEvents.VerificationStepComplete(runId, VerificationStore.StepRow(step.Step), step.Status, step.Passed, step.Failed, step.NotRun, step.Seconds, step.Isolation),
            cancellationToken);

    private static VerificationStepRecord Record(SandboxResult result, string status, int passed, int failed, int notRun) => new(
        result.Kind,
        status,
        passed,
        failed,
        notRun,
        result.ExitCode,
        Math.Round(result.Duration.TotalSeconds, 3),
        result.Isolation.Description,
        result.Output.Length > OutputTailLength ? result.Output[^OutputTailLength..] : result.Output);

    private static string Ending(SandboxResult result) =>
        result.TimedOut ? " (timed out)" : result.ExitCode is { } code ? $" (exit code {code})" : "";

    /// <summary>The first output line holding one of the stack's "no index" markers, or null.</summary>
    internal static string? UnreachableIndexLine(string output, IReadOnlyList<string> markers) =>
        output.Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => markers.Any(m => l.Contains(m, StringComparison.Ordinal)));
}
