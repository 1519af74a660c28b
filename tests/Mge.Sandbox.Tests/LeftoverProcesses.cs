namespace Mge.Sandbox.Tests;

/// <summary>Finds processes whose command line holds a marker, by reading /proc (what pgrep -f does).</summary>
internal static class LeftoverProcesses
{
    public static IReadOnlyList<int> Find(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked: not a leftover.
                continue;
            }

            if (commandLine.Contains(marker, StringComparison.Ordinal))
            {
                found.Add(pid);
            }
        }

        return found;
    }
}
