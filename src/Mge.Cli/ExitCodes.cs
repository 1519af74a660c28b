namespace Mge.Cli;

/// <summary>The process exit codes of <c>mge</c>, so scripts can tell a bad invocation from a failed run.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked: the run completed, or every file checked is valid.</summary>
    public const int Success = 0;

    /// <summary>The command ran but the outcome is negative: the run failed, or a file has errors.</summary>
    public const int Failure = 1;

    /// <summary>The invocation itself is wrong (missing or invalid argument, unwritable output folder); nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled by the user (Ctrl+C), the conventional 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
