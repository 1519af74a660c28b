namespace Mge.Pipeline.Verification;

/// <summary>A test run as read from its runner's report.</summary>
/// <param name="Format">The format read.</param>
/// <param name="Tests">The tests the report names (a runner may name only some: Django's quiet output names only failures).</param>
/// <param name="Passed">Tests passed: the runner's own count when it printed a summary, else counted from <see cref="Tests"/>.</param>
/// <param name="Failed">Tests failed or in error, likewise.</param>
/// <param name="Skipped">Tests skipped (todo included), likewise.</param>
/// <param name="Complete">The runner's closing summary was found; false for cut-off output (a crash, a timeout, truncation).</param>
public sealed record TestReport(
    TestReportFormat Format,
    IReadOnlyList<TestCaseResult> Tests,
    int Passed,
    int Failed,
    int Skipped,
    bool Complete)
{
    public int Total => Passed + Failed + Skipped;

    /// <summary>The runner finished and nothing failed.</summary>
    public bool Succeeded => Complete && Failed == 0;

    /// <summary>A report with counts taken from its tests (for formats whose summary is missing).</summary>
    public static TestReport FromTests(TestReportFormat format, IReadOnlyList<TestCaseResult> tests, bool complete) => new(
        format,
        tests,
        tests.Count(t => t.Outcome == TestOutcome.Passed),
        tests.Count(t => t.Outcome == TestOutcome.Failed),
        tests.Count(t => t.Outcome == TestOutcome.Skipped),
        complete);
}
