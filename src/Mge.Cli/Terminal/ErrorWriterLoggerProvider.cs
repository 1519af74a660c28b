using Microsoft.Extensions.Logging;

namespace Mge.Cli.Terminal;

/// <summary>
/// Logs at or above a level as one line each on the command's error writer ("warn: Category: message").
/// The standard console logger writes to the process console directly, which would bypass the writers the
/// command was given (and the in-process tests that capture them).
/// </summary>
public sealed class ErrorWriterLoggerProvider(TextWriter writer, LogLevel minimumLevel) : ILoggerProvider
{
    private readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    public void Dispose()
    {
        // The writer belongs to the caller.
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var label = level switch
        {
            LogLevel.Critical => "crit",
            LogLevel.Error => "fail",
            LogLevel.Warning => "warn",
            LogLevel.Information => "info",
            _ => "dbug",
        };
        // Only the exception's message: a stack trace belongs in a debugger, not in a user's terminal.
        var detail = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
        var line = $"{label}: {category}: {message}{detail}".ReplaceLineEndings(" ");
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class LineLogger(ErrorWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }

    private LogLevel MinimumLevel => minimumLevel;
}
