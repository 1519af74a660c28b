using System.Text.Json.Serialization;
using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// How a generated project is installed, tested and started. Each runs in the workspace root with the stack's
/// environment variables at their development values (what .env.example sets). Install needs the network
/// (the package registry); test and start do not.
/// </summary>
public sealed record StackCommands
{
    /// <summary>Installs runtime and test dependencies (a developer's machine, the verification phase).</summary>
    public required CommandLine Install { get; init; }

    /// <summary>Installs the runtime dependencies into the image (the Dockerfile).</summary>
    public required CommandLine ProductionInstall { get; init; }

    public required TestCommand Test { get; init; }

    public required StartCommand Start { get; init; }
}

/// <summary>A command as argv. A command that needs a shell (variable expansion, "&amp;&amp;") is <c>["sh", "-c", "..."]</c>.</summary>
public record CommandLine
{
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>The command as one POSIX shell line (arguments quoted where needed): README, package.json scripts.</summary>
    [JsonIgnore]
    public string ShellLine => ShellQuoting.Join(Argv);
}

/// <summary>The test command and where its machine-readable report goes.</summary>
public sealed record TestCommand : CommandLine
{
    public required TestReportOutput Report { get; init; }
}

/// <summary>
/// Where and how the test command reports each test, for <see cref="TestReportReader"/>: TAP on stdout
/// (<see cref="TestReportFormat.NodeTap"/>, node's test runner), a JUnit XML file at <see cref="Path"/>
/// (<see cref="TestReportFormat.JUnitXml"/>, pytest), or the text of Python's unittest runner that Django's test
/// command prints on stderr (<see cref="TestReportFormat.DjangoText"/>; at verbosity 2 one "name ... ok|FAIL|ERROR"
/// line per test, then FAIL:/ERROR: blocks, "Ran N tests", OK or FAILED).
/// </summary>
public sealed record TestReportOutput
{
    public required TestReportFormat Format { get; init; }

    public required TestReportLocation Location { get; init; }

    /// <summary>Workspace-relative path of the report when <see cref="Location"/> is <see cref="TestReportLocation.File"/>; else null.</summary>
    public string? Path { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TestReportLocation>))]
public enum TestReportLocation
{
    [JsonStringEnumMemberName("stdout")] Stdout,
    [JsonStringEnumMemberName("stderr")] Stderr,
    [JsonStringEnumMemberName("file")] File,
}

/// <summary>
/// Starts the app in the foreground (the image's CMD, a developer's run, the smoke step). It listens on
/// 0.0.0.0 at the port in <see cref="PortVariable"/>, <see cref="DefaultPort"/> when the variable is unset.
/// </summary>
public sealed record StartCommand : CommandLine
{
    public required string PortVariable { get; init; }

    public required int DefaultPort { get; init; }
}
