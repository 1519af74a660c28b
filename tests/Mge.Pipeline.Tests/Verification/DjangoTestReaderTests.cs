using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Tests.Verification;

public sealed class DjangoTestReaderTests
{
    [Fact]
    public void Verbose_output_names_every_test_and_the_failure_blocks_give_messages_and_frames()
    {
        var report = DjangoTestReader.Read(ReportFixtures.Load("django-verbose.txt"), ReportFixtures.DjangoRoot);

        Assert.True(report.Complete);
        // Ran 7 tests; FAILED (failures=1, errors=3, skipped=1).
        Assert.Equal((2, 4, 1), (report.Passed, report.Failed, report.Skipped));
        Assert.Equal(7, report.Tests.Count);
        Assert.Equal(TestOutcome.Passed, Assert.Single(report.Tests, t => t.Name == "tasks.tests.HealthTests.test_health").Outcome);
        var skipped = Assert.Single(report.Tests, t => t.Name == "tasks.tests.TaskServiceTests.test_archive");
        Assert.Equal((TestOutcome.Skipped, "archive not implemented"), (skipped.Outcome, skipped.Message));

        var failed = Assert.Single(report.Tests, t => t.Name == "tasks.tests.TaskServiceTests.test_count_open");
        Assert.Equal((TestOutcome.Failed, "AssertionError: 2 != 1", "tasks/tests.py"), (failed.Outcome, failed.Message, failed.File));
        Assert.Equal([new ProjectFrame("tasks/tests.py", 13, null, "test_count_open")], failed.Frames);

        // The stdlib's json frames are outside the workspace: dropped.
        var error = Assert.Single(report.Tests, t => t.Name == "tasks.tests.TaskServiceTests.test_load_payload");
        Assert.Equal("json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", error.Message);
        Assert.Equal([new ProjectFrame("tasks/services.py", 11, null, "load_payload"), new ProjectFrame("tasks/tests.py", 19, null, "test_load_payload")], error.Frames);
    }

    [Fact]
    public void A_test_module_that_fails_to_import_is_a_failed_test_named_by_the_module()
    {
        var report = DjangoTestReader.Read(ReportFixtures.Load("django-verbose.txt"), ReportFixtures.DjangoRoot);

        var test = Assert.Single(report.Tests, t => t.Name == "tasks.test_models");
        Assert.Equal((TestOutcome.Failed, "tasks/test_models.py"), (test.Outcome, test.File));
        Assert.Equal("ModuleNotFoundError: No module named 'tasks.missing'", test.Message);
        Assert.Equal([new ProjectFrame("tasks/test_models.py", 1, null, "<module>")], test.Frames);
    }

    [Fact]
    public void Quiet_output_names_only_the_failures_and_counts_come_from_the_summary()
    {
        var report = DjangoTestReader.Read(ReportFixtures.Load("django-quiet.txt"), ReportFixtures.DjangoRoot);

        Assert.True(report.Complete);
        Assert.Equal((2, 3, 1), (report.Passed, report.Failed, report.Skipped));
        Assert.Equal(
            [
                "tasks.tests.TaskServiceTests.test_create_without_title",
                "tasks.tests.TaskServiceTests.test_load_payload",
                "tasks.tests.TaskServiceTests.test_count_open",
            ],
            report.Tests.Select(t => t.Name));
        var error = report.Tests[0];
        Assert.Equal("ValueError: title is required", error.Message);
        Assert.Equal([new ProjectFrame("tasks/services.py", 6, null, "create_task"), new ProjectFrame("tasks/tests.py", 16, null, "test_create_without_title")], error.Frames);
    }

    [Fact]
    public void A_passing_run_succeeds()
    {
        var report = DjangoTestReader.Read(ReportFixtures.Load("django-ok.txt"), ReportFixtures.DjangoRoot);

        Assert.True(report.Succeeded);
        Assert.Equal((5, 0, 1), (report.Passed, report.Failed, report.Skipped));
        Assert.Empty(report.Tests);
    }

    [Fact]
    public void Output_without_the_closing_summary_is_incomplete()
    {
        var text = ReportFixtures.Load("django-verbose.txt");
        var cut = text[..text.IndexOf("FAIL: test_count_open", StringComparison.Ordinal)];

        var report = DjangoTestReader.Read(cut, ReportFixtures.DjangoRoot);

        Assert.False(report.Complete);
        Assert.False(report.Succeeded);
        Assert.Equal((2, 4, 1), (report.Passed, report.Failed, report.Skipped));
    }
}
