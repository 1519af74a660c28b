using System.Text.Json.Serialization;

namespace Mge.Pipeline.Verification;

/// <summary>The test report formats the stacks' runners write, as named in a stack's definition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestReportFormat>))]
public enum TestReportFormat
{
    /// <summary>TAP from Node's test runner (<c>node --test</c> writing to a pipe).</summary>
    [JsonStringEnumMemberName("node-tap")] NodeTap,

    /// <summary>JUnit XML (<c>node --test --test-reporter=junit</c>, <c>pytest --junitxml</c>).</summary>
    [JsonStringEnumMemberName("junit-xml")] JUnitXml,

    /// <summary>The text of Django's test runner (unittest's: <c>FAIL:</c>/<c>ERROR:</c> blocks, <c>Ran N tests</c>, <c>OK</c>/<c>FAILED</c>).</summary>
    [JsonStringEnumMemberName("django-text")] DjangoText,
}
