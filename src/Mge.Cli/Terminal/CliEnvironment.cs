using System.Globalization;

namespace Mge.Cli.Terminal;

/// <summary>
/// Where a command writes and what the writers are attached to. Live progress bars and colour are only used
/// when the writer is an interactive terminal; tests and CI get plain lines.
/// </summary>
/// <param name="Out">Results (tables, JSON): what a script captures.</param>
/// <param name="Error">Progress, warnings and error messages.</param>
/// <param name="OutIsTerminal">True when <paramref name="Out"/> is an interactive terminal.</param>
/// <param name="ErrorIsTerminal">True when <paramref name="Error"/> is an interactive terminal.</param>
/// <param name="ColorAllowed">False when NO_COLOR is set or CI=true.</param>
/// <param name="WorkingDirectory">Relative paths on the command line are resolved against this folder.</param>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    bool OutIsTerminal,
    bool ErrorIsTerminal,
    bool ColorAllowed,
    string WorkingDirectory)
{
    /// <summary>Width of tables written to a redirected writer when COLUMNS says nothing usable.</summary>
    public const int DefaultRedirectedWidth = 100;

    // Narrower than this, a two-column table has no room left for its values; wider is a typo, not a screen.
    private const int MinimumWidth = 40;
    private const int MaximumWidth = 1000;

    /// <summary>
    /// Columns available to tables when <see cref="Out"/> or <see cref="Error"/> is not a terminal (a file, a
    /// pipe, CI). A terminal reports its own width; a redirected writer has none, so this says how wide lines may be.
    /// </summary>
    public int RedirectedWidth { get; init; } = DefaultRedirectedWidth;

    /// <summary>Plain writers (no terminal, no colour), e.g. in-process tests.</summary>
    public static CliEnvironment ForWriters(TextWriter stdout, TextWriter stderr, string? workingDirectory = null) =>
        new(stdout, stderr, OutIsTerminal: false, ErrorIsTerminal: false, ColorAllowed: false,
            workingDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>The process console, with terminal detection and the NO_COLOR / CI conventions.</summary>
    public static CliEnvironment FromConsole()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || Environment.GetEnvironmentVariable("CI") == "1";
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new CliEnvironment(
            Console.Out,
            Console.Error,
            OutIsTerminal: !Console.IsOutputRedirected && !ci,
            ErrorIsTerminal: !Console.IsErrorRedirected && !ci,
            ColorAllowed: !ci && !noColor,
            Directory.GetCurrentDirectory())
        {
            RedirectedWidth = WidthFromColumns(Environment.GetEnvironmentVariable("COLUMNS")),
        };
    }

    /// <summary>
    /// The width a COLUMNS value asks for (the convention <c>ls</c> and <c>git</c> follow
    /// when output is not a terminal), or <see cref="DefaultRedirectedWidth"/> when it is unset, not a number or
    /// outside 40..1000 columns.
    /// </summary>
    public static int WidthFromColumns(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= MinimumWidth and <= MaximumWidth
            ? width
            : DefaultRedirectedWidth;

    /// <summary>An absolute path for a command-line path argument.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
