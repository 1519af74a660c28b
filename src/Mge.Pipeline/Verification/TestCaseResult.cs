namespace Mge.Pipeline.Verification;

/// <summary>One test as a runner reported it.</summary>
/// <param name="Name">The test's name, qualified by its suites or class ("tasks > counts open tasks", "tasks.tests.TaskTests.test_count").</param>
/// <param name="File">The test's file relative to the workspace, when the report says or implies it; null otherwise.</param>
/// <param name="Outcome">Passed, failed (assertion or error) or skipped (skip and todo).</param>
/// <param name="Message">The failure's message or the skip's reason; null for a plain pass.</param>
/// <param name="Frames">Stack frames in the project's own files, innermost first (frames in dependencies and the runtime dropped).</param>
public sealed record TestCaseResult(
    string Name,
    string? File,
    TestOutcome Outcome,
    string? Message,
    IReadOnlyList<ProjectFrame> Frames);
