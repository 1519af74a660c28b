using System.Text;

namespace Mge.Pipeline.Infrastructure;

/// <summary>POSIX shell quoting of argv for the lines the generated README, package.json and Dockerfile show.</summary>
public static class ShellQuoting
{
    /// <summary>An argument as one shell word: unchanged when it has no character the shell treats specially, else in single quotes.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        // Inside single quotes nothing is special; a single quote itself is closed, escaped and reopened.
        var quoted = new StringBuilder(argument.Length + 2).Append('\'');
        foreach (var c in argument)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }

    public static string Join(IEnumerable<string> argv) => string.Join(' ', argv.Select(Quote));

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || "@%+=:,./_-".Contains(c);
}
