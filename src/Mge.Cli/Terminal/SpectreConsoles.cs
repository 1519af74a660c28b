using Spectre.Console;

namespace Mge.Cli.Terminal;

/// <summary>
/// Spectre.Console consoles bound to the environment's writers rather than to the process console, so
/// in-process tests capture everything and redirected output never receives ANSI escapes.
/// </summary>
public static class SpectreConsoles
{
    /// <summary>A console over stdout (tables of results).</summary>
    public static IAnsiConsole ForOut(CliEnvironment environment) =>
        Create(environment.Out, environment.OutIsTerminal, environment.ColorAllowed, environment.RedirectedWidth);

    /// <summary>A console over stderr (progress bars and the run summary when stdout carries JSON).</summary>
    public static IAnsiConsole ForError(CliEnvironment environment) =>
        Create(environment.Error, environment.ErrorIsTerminal, environment.ColorAllowed, environment.RedirectedWidth);

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool colorAllowed, int redirectedWidth)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            // Live bars move the cursor, which needs ANSI on a terminal even when colour is off (NO_COLOR).
            Ansi = isTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = isTerminal && colorAllowed ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });

        if (!isTerminal)
        {
            // A redirected writer has no width of its own. A fixed, readable width (COLUMNS or 100) keeps a
            // file or a CI log as easy to read as the terminal: long values wrap inside their cell instead of
            // stretching the table to the longest value.
            console.Profile.Width = redirectedWidth;
        }

        return console;
    }
}
