using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Tests.Verification;

public sealed class JUnitReaderTests
{
    [Fact]
    public void Nodes_junit_report_names_tests_under_their_suites_with_frames_from_the_failure_text()
    {
        var report = JUnitReader.Read(ReportFixtures.Load("node-test-junit.xml"), ReportFixtures.ExpressRoot);

        Assert.True(report.Complete);
        Assert.Equal((2, 6, 2), (report.Passed, report.Failed, report.Skipped));
        Assert.Equal(
            [
                "health answers ok",
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
            report.Tests.Select(t => t.Name));

        var rejected = Assert.Single(report.Tests, t => t.Name == "tasks > rejects a task without a title");
        Assert.Equal(TestOutcome.Failed, rejected.Outcome);
        Assert.Equal("title is required", rejected.Message);
        Assert.Equal("test/tasks.test.js", rejected.File);
        Assert.Equal(
            [
                new ProjectFrame("src/tasks.js", 7, 17, "createTask"),
                new ProjectFrame("test/tasks.test.js", 18, 18, "TestContext.<anonymous>"),
            ],
            rejected.Frames);

        var todo = Assert.Single(report.Tests, t => t.Name == "tasks > exports tasks as CSV");
        Assert.Equal((TestOutcome.Skipped, "todo"), (todo.Outcome, todo.Message));
        var file = Assert.Single(report.Tests, t => t.Name == "test/routes.test.js");
        Assert.Equal(("test/routes.test.js", "test failed"), (file.File, file.Message));
    }

    [Fact]
    public void Pytests_report_names_tests_by_module_with_the_E_lines_as_message()
    {
        var report = JUnitReader.Read(ReportFixtures.Load("pytest-junit.xml"), ReportFixtures.FastApiRoot);

        Assert.Equal((1, 4, 1), (report.Passed, report.Failed, report.Skipped));
        var count = Assert.Single(report.Tests, t => t.Name == "tests.test_tasks.test_count_open");
        Assert.Equal("assert 2 == 1\n+  where 2 = count_open()", count.Message);
        Assert.Equal("tests/test_tasks.py", count.File);
        Assert.Equal([new ProjectFrame("tests/test_tasks.py", 12, null, null)], count.Frames);

        // The frame in dist-packages (more_itertools) is dropped; the project's frames are innermost first.
        var find = Assert.Single(report.Tests, t => t.Name == "tests.test_tasks.test_find_missing_task");
        Assert.Equal("StopIteration\nValueError: too few items in iterable (expected 1)", find.Message);
        Assert.Equal([new ProjectFrame("app/services.py", 15, null, "find_task"), new ProjectFrame("tests/test_tasks.py", 16, null, null)], find.Frames);

        var setup = Assert.Single(report.Tests, t => t.Name == "tests.test_tasks.test_with_db");
        Assert.Equal((TestOutcome.Failed, "RuntimeError: database unavailable"), (setup.Outcome, setup.Message));

        var skipped = Assert.Single(report.Tests, t => t.Outcome == TestOutcome.Skipped);
        Assert.Equal(("tests.test_tasks.test_archive", "archive not implemented"), (skipped.Name, skipped.Message));
        var passed = Assert.Single(report.Tests, t => t.Outcome == TestOutcome.Passed);
        Assert.Equal(("tests.test_tasks.test_create_task_assigns_id", null), (passed.Name, passed.File));
    }

    [Fact]
    public void A_pytest_collection_error_is_a_failed_test_named_by_its_module()
    {
        var report = JUnitReader.Read(ReportFixtures.Load("pytest-collection-error.xml"), ReportFixtures.FastApiRoot);

        var test = Assert.Single(report.Tests);
        Assert.Equal(("tests.test_broken", TestOutcome.Failed, "tests/test_broken.py"), (test.Name, test.Outcome, test.File));
        Assert.Equal("ModuleNotFoundError: No module named 'app.models'", test.Message);
        Assert.Equal([new ProjectFrame("tests/test_broken.py", 1, null, "<module>")], test.Frames);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<testsuites><testsuite name=\"x\"><testcase name=\"a\"")]
    [InlineData("TAP version 13\nok 1 - a\n")]
    [InlineData("<html><body>not a report</body></html>")]
    [InlineData("<!DOCTYPE testsuites [<!ENTITY x \"y\">]><testsuites/>")]
    public void Text_that_is_not_a_junit_report_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => JUnitReader.Read(text, ReportFixtures.FastApiRoot));
    }
}
