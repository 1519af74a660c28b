namespace Mge.Pipeline.Verification;

/// <summary>How one test ended. Errors (an exception outside an assertion, a failed hook, a module that did not load) count as failures.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}
