namespace Mge.Pipeline.Verification;

/// <summary>Reads a test report in the format a stack's definition names.</summary>
public static class TestReportReader
{
    /// <param name="format">The report's format.</param>
    /// <param name="text">The runner's output (TAP, Django) or report file (JUnit XML).</param>
    /// <param name="workspaceRoot">The workspace the tests ran in: frames are kept relative to it.</param>
    public static TestReport Read(TestReportFormat format, string text, string workspaceRoot) => format switch
    {
        TestReportFormat.NodeTap => NodeTapReader.Read(text, workspaceRoot),
        TestReportFormat.JUnitXml => JUnitReader.Read(text, workspaceRoot),
        TestReportFormat.DjangoText => DjangoTestReader.Read(text, workspaceRoot),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown test report format."),
    };
}
