using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Atomization;
using Mge.Pipeline.Verification;
using Moq;

namespace Mge.Pipeline.Tests.Verification;

/// <summary>The verification phase against a fake sandbox: what it asks the sandbox to run, and what it records from the answers.</summary>
public sealed class VerificationPhaseTests
{
    private const string Run = PhaseHarness.RunId;

    private static readonly SandboxIsolation Isolated = new(true, "bubblewrap: test double");

    // Node's runner, as it writes TAP to a pipe: one pass, one failure with its location and stack.
    private const string Tap = """
        TAP version 13
        # Subtest: creates a task
        ok 1 - creates a task
          ---
          duration_ms: 3.1
          ...
        # Subtest: lists tasks
        not ok 2 - lists tasks
          ---
          duration_ms: 2.5
          location: '{root}/test/tasks.test.js:12:1'
          failureType: 'testCodeFailure'
          error: 'Expected values to be strictly equal:\n\n200 !== 201\n'
          code: 'ERR_ASSERTION'
          stack: |-
            TestContext.<anonymous> ({root}/test/tasks.test.js:14:10)
          ...
        # Subtest: exports later
        ok 3 - exports later # SKIP not ready
          ---
          duration_ms: 0.1
          ...
        1..3
        # tests 3
        # suites 0
        # pass 1
        # fail 1
        # cancelled 0
        # skipped 1
        # todo 0
        # duration_ms 40.2
        """;

    private readonly PhaseHarness harness = new(ProjectType.Express);
    private readonly Mock<ISandbox> sandbox = new(MockBehavior.Strict);
    private readonly List<SandboxStep> steps = [];
    private readonly List<SmokeStep> smokes = [];
    private readonly List<IReadOnlyList<string>> filesSeen = [];

    [Fact]
    public async Task Install_test_and_smoke_run_in_a_copy_of_the_workspace_with_the_stacks_commands_and_their_results_are_recorded()
    {
        await SeedAsync();
        AnswerInstall(Succeeded(SandboxStepKind.Install, ""));
        AnswerTest(workspace => Result(SandboxStepKind.Test, 1, Tap.Replace("{root}", workspace, StringComparison.Ordinal)));
        AnswerSmoke(step => new SmokeResult(true, step.Port, TimeSpan.FromMilliseconds(300), [.. step.ProbePaths.Select(p => new ProbeResult(p, 200, null, "[]"))], Succeeded(SandboxStepKind.Smoke, "listening")));

        var outcome = await Phase().VerifyAsync(Run);

        Assert.Equal(new VerificationOutcome("passed", "failed: 1 test(s) failed", 1, 1, 1, "passed", 4, 0, Isolated.Description), outcome);

        // The commands, environment and probe are the stack definition's; only install may use the network.
        var express = ProjectStacks.For(ProjectType.Express);
        Assert.Equal([SandboxStepKind.Install, SandboxStepKind.Test], steps.Select(s => s.Kind));
        Assert.Equal(express.Commands.Install.Argv, steps[0].Arguments);
        Assert.True(steps[0].AllowNetwork);
        Assert.Equal(express.Commands.Test.Argv, steps[1].Arguments);
        Assert.False(steps[1].AllowNetwork);
        Assert.Equal("development", steps[1].Environment["NODE_ENV"]);
        var smoke = Assert.Single(smokes);
        Assert.Equal(express.Commands.Start.Argv, smoke.App.Arguments);
        Assert.False(smoke.App.AllowNetwork);
        Assert.Equal(SmokeStep.PortPlaceholder, smoke.App.Environment["PORT"]);
        Assert.Equal(express.Smoke.ProbeArgv, smoke.ProbeCommand);
        // The health route, then one list route per discovered entity.
        Assert.Equal(["/health", "/users", "/tasks", "/task-comments"], smoke.ProbePaths);

        // Every step saw the workspace files, in one fresh folder that is gone afterwards.
        Assert.All(filesSeen, files => Assert.Equal(["package.json", "src/app.js"], files));
        Assert.Single(steps.Select(s => s.WorkingDirectory).Append(smoke.App.WorkingDirectory).Distinct());
        Assert.False(Directory.Exists(steps[0].WorkingDirectory));

        // Per-test rows: name, file, outcome, message and project frames.
        var store = new VerificationStore(harness.Repository);
        var tests = await store.ListTestsAsync(Run);
        Assert.Equal(["creates a task", "lists tasks", "exports later"], tests.Select(t => t.Name));
        var failed = tests[1];
        Assert.Equal((2, TestOutcome.Failed, "test/tasks.test.js"), (failed.Number, failed.Outcome, failed.File));
        Assert.Contains("200 !== 201", failed.Message);
        Assert.Contains(new ProjectFrame("test/tasks.test.js", 14, 10, "TestContext.<anonymous>"), failed.Frames);
        var testRow = await store.GetStepAsync(Run, SandboxStepKind.Test);
        Assert.Equal((1, Isolated.Description, 3), (testRow!.ExitCode, testRow.Isolation, testRow.TestRecords));

        // Start and completion events per step, keyed by phase 10 and the step.
        var started = await harness.EventsAsync(ProgressEvents.VerificationStepStartType);
        Assert.Equal(
            ["10-verification_step_start-install", "10-verification_step_start-smoke", "10-verification_step_start-test"],
            started.Select(e => e.Key).Order(StringComparer.Ordinal));
        var completed = await harness.EventsAsync(ProgressEvents.VerificationStepCompleteType);
        var testEvent = Assert.Single(completed, e => (string?)e.Data["step"] == "test");
        Assert.Equal(("failed: 1 test(s) failed", 1, 1, 1), ((string?)testEvent.Data["status"], (int)testEvent.Data["passed"]!, (int)testEvent.Data["failed"]!, (int)testEvent.Data["not_run"]!));
        Assert.Equal(PipelinePhase.Verification, (await harness.Repository.GetRunAsync(Run))!.CurrentPhase);
    }

    [Fact]
    public async Task Running_again_after_a_crash_gives_the_same_rows()
    {
        await SeedAsync();
        AnswerInstall(Succeeded(SandboxStepKind.Install, ""));
        AnswerTest(workspace => Result(SandboxStepKind.Test, 1, Tap.Replace("{root}", workspace, StringComparison.Ordinal)));
        AnswerSmoke(step => new SmokeResult(true, step.Port, TimeSpan.FromMilliseconds(300), [.. step.ProbePaths.Select(p => new ProbeResult(p, 200, null, "[]"))], Succeeded(SandboxStepKind.Smoke, "")));
        var store = new VerificationStore(harness.Repository);

        var first = await Phase().VerifyAsync(Run);
        var firstTests = await store.ListTestsAsync(Run);
        var second = await Phase().VerifyAsync(Run);

        Assert.Equal(first, second);
        var secondTests = await store.ListTestsAsync(Run);
        Assert.Equal(firstTests.Select(Describe), secondTests.Select(Describe));
        Assert.Equal(3, (await harness.EventsAsync(ProgressEvents.VerificationStepCompleteType)).Count);
    }

    [Fact]
    public async Task A_package_index_that_cannot_be_reached_makes_install_not_run_and_nothing_else_runs()
    {
        var python = new PhaseHarness(ProjectType.FastApi);
        await SeedAsync(python);
        AnswerInstall(Result(SandboxStepKind.Install, 1, """
            ERROR: Could not find a version that satisfies the requirement fastapi<1.0,>=0.110 (from versions: none)
            ERROR: No matching distribution found for fastapi<1.0,>=0.110
            """));

        var outcome = await Phase(python).VerifyAsync(Run);

        Assert.Equal(
            "not run: no package index reachable (ERROR: Could not find a version that satisfies the requirement fastapi<1.0,>=0.110 (from versions: none))",
            outcome.InstallStatus);
        Assert.Equal("not run: the dependencies could not be installed", outcome.TestsStatus);
        Assert.Equal("not run: the dependencies could not be installed", outcome.SmokeStatus);
        Assert.Equal((0, 0, 0, 0, 0), (outcome.TestsPassed, outcome.TestsFailed, outcome.TestsNotRun, outcome.ProbesPassed, outcome.ProbesFailed));
        var fastApi = ProjectStacks.For(ProjectType.FastApi).Commands.Install;
        var install = Assert.Single(steps);
        Assert.Equal(fastApi.Argv, install.Arguments);
        Assert.Equal("0", install.Environment["PIP_RETRIES"]);
        Assert.Empty(smokes);
        Assert.Equal(3, (await python.EventsAsync(ProgressEvents.VerificationStepCompleteType)).Count);
    }

    [Fact]
    public async Task A_failing_install_is_failed_and_the_later_steps_say_why_they_did_not_run()
    {
        await SeedAsync();
        AnswerInstall(Result(SandboxStepKind.Install, 1, "npm ERR! code ETARGET\nnpm ERR! notarget No matching version found for express@^99.0.0."));

        var outcome = await Phase().VerifyAsync(Run);

        Assert.Equal(("failed: exit code 1", "not run: install failed", "not run: install failed"), (outcome.InstallStatus, outcome.TestsStatus, outcome.SmokeStatus));
        var install = await new VerificationStore(harness.Repository).GetStepAsync(Run, SandboxStepKind.Install);
        Assert.Contains("ETARGET", install!.OutputTail);
    }

    [Fact]
    public async Task Tests_cut_off_at_their_limit_are_failed_not_passed()
    {
        await SeedAsync();
        AnswerInstall(Succeeded(SandboxStepKind.Install, ""));
        AnswerTest(_ => new SandboxResult(SandboxStepKind.Test, null, true, false, 0, "TAP version 13\n# Subtest: loops\n", TimeSpan.FromMinutes(3), Isolated));
        AnswerSmoke(step => new SmokeResult(false, step.Port, null, [.. step.ProbePaths.Select(p => new ProbeResult(p, null, "not probed: the app exited with code 1 after 0.2 s", ""))], Result(SandboxStepKind.Smoke, 1, "Error: Cannot find module")));

        var outcome = await Phase().VerifyAsync(Run);

        Assert.Equal("failed: the test report is incomplete (timed out)", outcome.TestsStatus);
        Assert.Equal("failed: the app did not listen on port 3000 (exit code 1)", outcome.SmokeStatus);
        Assert.Equal((0, 0, 4), (outcome.ProbesPassed, outcome.ProbesFailed, (await new VerificationStore(harness.Repository).GetStepAsync(Run, SandboxStepKind.Smoke))!.NotRun));
    }

    [Fact]
    public async Task Without_a_sandbox_every_step_is_not_run_and_says_so()
    {
        await SeedAsync();

        var outcome = await Phase(sandboxed: false).VerifyAsync(Run);

        const string Reason = "not run: no sandbox is configured in this host (generated code never runs in its process)";
        Assert.Equal((Reason, Reason, Reason, "not run: no step ran"), (outcome.InstallStatus, outcome.TestsStatus, outcome.SmokeStatus, outcome.Isolation));
        Assert.Equal(3, (await harness.EventsAsync(ProgressEvents.VerificationStepCompleteType)).Count);
    }

    [Fact]
    public async Task Disabled_verification_is_not_run_and_names_the_setting()
    {
        await SeedAsync();

        var outcome = await Phase(options: new VerificationOptions { Enabled = false }).VerifyAsync(Run);

        Assert.Equal("not run: verification is disabled (Mge:Verification:Enabled is false)", outcome.TestsStatus);
        sandbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Delivery_puts_the_verification_counts_on_the_summary()
    {
        await SeedAsync();
        AnswerInstall(Succeeded(SandboxStepKind.Install, ""));
        AnswerTest(workspace => Result(SandboxStepKind.Test, 1, Tap.Replace("{root}", workspace, StringComparison.Ordinal)));
        AnswerSmoke(step => new SmokeResult(true, step.Port, TimeSpan.FromMilliseconds(300), [new ProbeResult(step.ProbePaths[0], 200, null, "[]"), new ProbeResult(step.ProbePaths[1], 500, null, "boom")], Succeeded(SandboxStepKind.Smoke, "")));
        await Phase().VerifyAsync(Run);

        var summary = await harness.Delivery.PackageAsync(Run, new PhaseTimings(new Dictionary<string, double>(), 1));

        Assert.Equal(("passed", "failed: 1 test(s) failed", 1, 1, 1), (summary.InstallStatus, summary.TestsStatus, summary.TestsPassed, summary.TestsFailed, summary.TestsNotRun));
        Assert.Equal(("failed: /users 500", 1, 1, Isolated.Description), (summary.SmokeStatus, summary.SmokeProbesPassed, summary.SmokeProbesFailed, summary.Isolation));
    }

    [Fact]
    public async Task A_summary_without_verification_rows_says_verification_did_not_run()
    {
        await SeedAsync();

        var summary = await harness.Delivery.PackageAsync(Run, new PhaseTimings(new Dictionary<string, double>(), 1));

        Assert.Equal("not run: the run has no verification results", summary.TestsStatus);
        Assert.Equal("not run: the run has no verification results", summary.SmokeStatus);
    }

    private VerificationPhase Phase(PhaseHarness? on = null, bool sandboxed = true, VerificationOptions? options = null)
    {
        var target = on ?? harness;
        var progress = new ProgressPublisher(target.Repository.Records, [], NullLogger<ProgressPublisher>.Instance);
        return new VerificationPhase(
            target.Repository, target.Journal, new VerificationStore(target.Repository), progress,
            Options.Create(options ?? new VerificationOptions()), sandboxed ? sandbox.Object : null);
    }

    private static string Describe(TestCaseRecord test) =>
        $"{test.Number} {test.Name} {test.File} {test.Outcome} {test.Message} {string.Join(";", test.Frames)}";

    private Task SeedAsync() => SeedAsync(harness);

    private static async Task SeedAsync(PhaseHarness target)
    {
        await target.SeedAsync((1, [("src/app.js", "module.exports = {};\n")]));
        foreach (var (path, text) in new[] { ("src/app.js", "module.exports = {};\n"), ("package.json", "{\"name\":\"x\"}\n") })
        {
            await target.Repository.PutTextAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(Run, path), text);
        }
    }

    private void AnswerInstall(SandboxResult result) => AnswerRun(SandboxStepKind.Install, _ => result);

    private void AnswerTest(Func<string, SandboxResult> result) => AnswerRun(SandboxStepKind.Test, result);

    private void AnswerRun(SandboxStepKind kind, Func<string, SandboxResult> result) =>
        sandbox.Setup(s => s.RunAsync(It.Is<SandboxStep>(step => step.Kind == kind), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SandboxStep step, CancellationToken _) =>
            {
                steps.Add(step);
                filesSeen.Add(Files(step.WorkingDirectory));
                return result(step.WorkingDirectory);
            });

    private void AnswerSmoke(Func<SmokeStep, SmokeResult> result) =>
        sandbox.Setup(s => s.SmokeAsync(It.IsAny<SmokeStep>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmokeStep step, CancellationToken _) =>
            {
                step.Validate();
                smokes.Add(step);
                filesSeen.Add(Files(step.App.WorkingDirectory));
                return result(step);
            });

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static SandboxResult Succeeded(SandboxStepKind kind, string output) => Result(kind, 0, output);

    private static SandboxResult Result(SandboxStepKind kind, int exitCode, string output) =>
        new(kind, exitCode, false, false, 0, output, TimeSpan.FromSeconds(1.5), Isolated);
}
