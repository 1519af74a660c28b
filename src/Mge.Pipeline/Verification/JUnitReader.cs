using System.Xml;
using System.Xml.Linq;

namespace Mge.Pipeline.Verification;

/// <summary>
/// Reads JUnit XML as Node's junit reporter and pytest's --junitxml write it. Node nests describe blocks as
/// testsuite elements and gives every testcase the classname "test"; pytest wraps the session in one testsuite
/// and puts the module (and class) in classname (empty for a module that failed to import). So a name is
/// "suite > test" for Node and "module.test" for pytest. The file is the testcase's file attribute (pytest's xunit1) or the outermost project frame of its
/// failure; pytest's "E   " lines, which hold the exception and its assertion details, are the message when present.
/// </summary>
public static class JUnitReader
{
    /// <summary>Reads a report; throws <see cref="FormatException"/> when the text is not JUnit XML (empty, cut off, another format).</summary>
    public static TestReport Read(string text, string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(text);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"The JUnit report is not well-formed XML: {e.Message}", e);
        }

        if (document.Root is not { Name.LocalName: "testsuites" or "testsuite" })
        {
            throw new FormatException($"The JUnit report's root element is <{document.Root?.Name.LocalName}>, not <testsuites> or <testsuite>.");
        }

        var tests = document.Root.DescendantsAndSelf("testcase").Select(c => ToResult(c, workspaceRoot)).ToList();
        return TestReport.FromTests(TestReportFormat.JUnitXml, tests, complete: true);
    }

    private static TestCaseResult ToResult(XElement testCase, string workspaceRoot)
    {
        var name = (string?)testCase.Attribute("name") ?? string.Empty;
        var className = (string?)testCase.Attribute("classname") ?? string.Empty;
        // Node names a test file that failed to load by its absolute path.
        var nameAsPath = name.StartsWith('/') ? ProjectFrameReader.ToProjectPath(name, workspaceRoot) : null;
        var qualified = className switch
        {
            "test" => string.Join(" > ", [.. testCase.Ancestors("testsuite").Reverse().Select(s => (string?)s.Attribute("name") ?? string.Empty), nameAsPath ?? name]),
            "" => name,
            _ => $"{className}.{name}",
        };
        var fileAttribute = (string?)testCase.Attribute("file");
        var file = (fileAttribute is null ? null : ProjectFrameReader.ToProjectPath(fileAttribute, workspaceRoot)) ?? nameAsPath;

        var failure = testCase.Element("failure") ?? testCase.Element("error");
        if (failure is not null)
        {
            var body = failure.Value;
            var frames = ProjectFrameReader.Read(body, workspaceRoot);
            return new TestCaseResult(qualified, file ?? frames.LastOrDefault()?.Path, TestOutcome.Failed, FailureMessage(failure), frames);
        }

        if (testCase.Element("skipped") is { } skipped)
        {
            var reason = (string?)skipped.Attribute("type") == "todo" ? "todo" : (string?)skipped.Attribute("message") ?? skipped.Value.Trim();
            return new TestCaseResult(qualified, file, TestOutcome.Skipped, reason, []);
        }

        return new TestCaseResult(qualified, file, TestOutcome.Passed, null, []);
    }

    private static string FailureMessage(XElement failure)
    {
        // pytest marks the exception and its assertion introspection with "E   " in the failure text.
        var pytestLines = failure.Value.Split('\n')
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[1..].Trim())
            .ToList();
        if (pytestLines.Count > 0)
        {
            return string.Join('\n', pytestLines);
        }

        var message = (string?)failure.Attribute("message");
        return string.IsNullOrWhiteSpace(message) ? failure.Value.Trim() : message.Trim();
    }
}
