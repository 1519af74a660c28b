namespace Mge.Pipeline.Verification;

/// <summary>The test report formats the stacks' runners write, as named in a stack's definition.</summary>
public enum TestReportFormat
{
    /// <summary>TAP from Node's test runner (<c>node --test</c> writing to a pipe).</summary>
    NodeTap,

    /// <summary>JUnit XML (<c>node --test --test-reporter=junit</c>, <c>pytest --junitxml</c>).</summary>
    JUnitXml,

    /// <summary>The text of Django's test runner (unittest's: <c>FAIL:</c>/<c>ERROR:</c> blocks, <c>Ran N tests</c>, <c>OK</c>/<c>FAILED</c>).</summary>
    DjangoText,
}
