using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Tests.Verification;

public sealed class NodeTapReaderTests
{
    private static readonly TestReport Report = NodeTapReader.Read(ReportFixtures.Load("node-test.tap"), ReportFixtures.ExpressRoot);

    private static TestCaseResult Test(string name) => Assert.Single(Report.Tests, t => t.Name == name);

    [Fact]
    public void Counts_come_from_the_runners_summary()
    {
        Assert.True(Report.Complete);
        Assert.False(Report.Succeeded);
        // "# pass 2", "# fail 5" + "# cancelled 1", "# skipped 1" + "# todo 1".
        Assert.Equal((2, 6, 2), (Report.Passed, Report.Failed, Report.Skipped));
        Assert.Equal(TestReportFormat.NodeTap, Report.Format);
    }

    [Fact]
    public void Every_test_is_named_under_its_suites_and_suites_failing_only_through_their_subtests_are_not_tests()
    {
        Assert.Equal(
            [
                "health answers ok",
                "with a failing hook",
                "with a failing hook > never runs",
                "test/routes.test.js",
                "tasks > creates a task with an id",
                "tasks > counts open tasks",
                "tasks > rejects a task without a title",
                "tasks > completes an unknown task",
                "tasks > archives tasks",
                "tasks > exports tasks as CSV",
                "top-level async failure",
            ],
            Report.Tests.Select(t => t.Name));
    }

    [Fact]
    public void An_assertion_failure_has_its_message_file_and_the_failing_line()
    {
        var test = Test("tasks > counts open tasks");
        Assert.Equal(TestOutcome.Failed, test.Outcome);
        Assert.Equal("test/tasks.test.js", test.File);
        Assert.Equal("AssertionError: Expected values to be strictly equal:\n\n2 !== 1", test.Message);
        Assert.Equal([new ProjectFrame("test/tasks.test.js", 14, 12, "TestContext.<anonymous>")], test.Frames);
    }

    [Fact]
    public void Frames_in_node_modules_and_node_internals_are_dropped_and_project_frames_kept_innermost_first()
    {
        var test = Test("tasks > rejects a task without a title");
        Assert.Equal("TypeError: title is required", test.Message);
        Assert.Equal(
            [
                new ProjectFrame("src/tasks.js", 7, 17, "createTask"),
                new ProjectFrame("test/tasks.test.js", 18, 18, "TestContext.<anonymous>"),
            ],
            test.Frames);
    }

    [Fact]
    public void A_test_file_that_fails_to_load_takes_its_error_from_the_child_processs_stderr()
    {
        var test = Test("test/routes.test.js");
        Assert.Equal(TestOutcome.Failed, test.Outcome);
        Assert.Equal("test/routes.test.js", test.File);
        Assert.Contains("Error: Cannot find module 'supertest'", test.Message);
        Assert.Equal([new ProjectFrame("test/routes.test.js", 3, 17, "Object.<anonymous>")], test.Frames);
    }

    [Fact]
    public void A_failing_hook_is_reported_on_its_suite_and_its_tests_are_cancelled()
    {
        var suite = Test("with a failing hook");
        Assert.Equal(TestOutcome.Failed, suite.Outcome);
        Assert.Equal("test/hooks.test.js", suite.File);
        Assert.Equal("SyntaxError: Expected property name or '}' in JSON at position 1", suite.Message);
        Assert.Equal([new ProjectFrame("test/hooks.test.js", 8, 10, "SuiteContext.<anonymous>")], suite.Frames);

        var cancelled = Test("with a failing hook > never runs");
        Assert.Equal(TestOutcome.Failed, cancelled.Outcome);
        Assert.Equal("test did not finish before its parent and was cancelled", cancelled.Message);
        Assert.Empty(cancelled.Frames);
    }

    [Fact]
    public void Skips_and_todos_are_skipped_with_their_reason_and_passes_have_no_message()
    {
        Assert.Equal((TestOutcome.Skipped, "archive not implemented"), (Test("tasks > archives tasks").Outcome, Test("tasks > archives tasks").Message));
        Assert.Equal((TestOutcome.Skipped, "todo"), (Test("tasks > exports tasks as CSV").Outcome, Test("tasks > exports tasks as CSV").Message));

        var passed = Test("tasks > creates a task with an id");
        Assert.Equal((TestOutcome.Passed, "test/tasks.test.js", null), (passed.Outcome, passed.File, passed.Message));
        // Node 20 gives no location for a passing top-level test.
        Assert.Null(Test("health answers ok").File);
    }

    [Fact]
    public void An_async_error_keeps_the_throwing_line()
    {
        var test = Test("top-level async failure");
        Assert.Equal("database unavailable", test.Message);
        Assert.Equal([new ProjectFrame("test/tasks.test.js", 34, 9, "TestContext.<anonymous>")], test.Frames);
    }

    [Fact]
    public void A_passing_run_succeeds()
    {
        var report = NodeTapReader.Read(ReportFixtures.Load("node-test-passing.tap"), "/tmp/mge-fixture/node-ok");
        Assert.True(report.Succeeded);
        Assert.Equal((1, 0, 0), (report.Passed, report.Failed, report.Skipped));
        Assert.Equal(TestOutcome.Passed, Assert.Single(report.Tests).Outcome);
    }

    [Fact]
    public void Output_cut_before_the_summary_is_incomplete_and_counts_what_it_read()
    {
        var text = ReportFixtures.Load("node-test.tap");
        var cut = text[..text.IndexOf("# Subtest: tasks", StringComparison.Ordinal)];

        var report = NodeTapReader.Read(cut, ReportFixtures.ExpressRoot);

        Assert.False(report.Complete);
        Assert.False(report.Succeeded);
        Assert.Equal(["health answers ok", "with a failing hook", "with a failing hook > never runs", "test/routes.test.js"], report.Tests.Select(t => t.Name));
        Assert.Equal((1, 3, 0), (report.Passed, report.Failed, report.Skipped));
    }
}
