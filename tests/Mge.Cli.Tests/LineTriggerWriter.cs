using System.Text;

namespace Mge.Cli.Tests;

/// <summary>A string writer that runs an action the first time a written line contains a marker (e.g. to press "Ctrl+C" mid-run).</summary>
public sealed class LineTriggerWriter(string marker, Action onMarker) : StringWriter
{
    private int fired;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null && value.Contains(marker, StringComparison.Ordinal) && Interlocked.Exchange(ref fired, 1) == 0)
        {
            onMarker();
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Encoding Encoding => Encoding.UTF8;
}
