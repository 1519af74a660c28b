using System.Text.Json.Serialization;
using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// How a generated project is installed, tested and started: the same argv in the README, the package.json
/// scripts, the Dockerfile and the verification phase. Each runs in the workspace root with
/// <see cref="ProjectStack.EnvironmentFor"/> (the stack's variables at their development values plus the
/// command's own). Install needs the network (the package registry); test and start do not.
/// </summary>
public sealed record StackCommands
{
    /// <summary>Installs runtime and test dependencies into the workspace (a developer's machine, the verification phase).</summary>
    public required InstallCommand Install { get; init; }

    /// <summary>Installs the runtime dependencies into the image (the Dockerfile).</summary>
    public required CommandLine ProductionInstall { get; init; }

    public required TestCommand Test { get; init; }

    public required StartCommand Start { get; init; }
}

/// <summary>A command as argv. A command that needs a shell (variable expansion, "&amp;&amp;") is <c>["sh", "-c", "..."]</c>.</summary>
public record CommandLine
{
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>Variables an unattended run of the command sets besides the stack's own (pip's fail-fast settings); a developer need not.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The command as one POSIX shell line (arguments quoted where needed): README, package.json scripts.</summary>
    [JsonIgnore]
    public string ShellLine => ShellQuoting.Join(Argv);
}

/// <summary>The install command and how its output says that no package index could be reached.</summary>
public sealed record InstallCommand : CommandLine
{
    /// <summary>Text in a failed install's output meaning that no package index answered (DNS, refused, "from versions: none"): the install did not run rather than fail.</summary>
    public required IReadOnlyList<string> UnreachableIndexMarkers { get; init; }
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
