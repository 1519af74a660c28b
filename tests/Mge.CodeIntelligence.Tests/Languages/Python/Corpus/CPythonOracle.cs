using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Corpus;

/// <summary>What CPython's <c>compile(src, name, 'exec', dont_inherit=True)</c> said about one source.</summary>
public sealed record CPythonVerdict(bool Accepted, int Line, int Offset, string Message, string ErrorType);

/// <summary>
/// Runs the local CPython (<c>python3</c>) as the reference parser: one process for a whole batch, sources
/// sent length-prefixed on stdin, one JSON verdict per line on stdout. Also times <c>ast.parse</c> over the
/// in-memory sources for the benchmark.
/// </summary>
public static class CPythonOracle
{
    private const string CompileScript = """
import sys, json
data = sys.stdin.buffer
out = sys.stdout
while True:
    header = data.readline()
    if not header:
        break
    n = int(header)
    src = data.read(n)
    try:
        compile(src, "<mge>", "exec", dont_inherit=True)
        out.write('{"ok":true}\n')
    except SyntaxError as e:
        out.write(json.dumps({"ok": False, "line": e.lineno or 0, "offset": e.offset or 0, "msg": e.msg or "", "type": type(e).__name__}) + "\n")
    except (ValueError, MemoryError, RecursionError, OverflowError) as e:
        out.write(json.dumps({"ok": False, "line": 0, "offset": 0, "msg": str(e), "type": type(e).__name__}) + "\n")
out.flush()
""";

    private const string TimingScript = """
import sys, ast, time
data = sys.stdin.buffer
sources = []
while True:
    header = data.readline()
    if not header:
        break
    sources.append(data.read(int(header)))
best = None
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    for s in sources:
        try:
            ast.parse(s)
        except (SyntaxError, ValueError):
            pass
    elapsed = time.perf_counter() - t
    best = elapsed if best is None or elapsed < best else best
print(best * 1000.0)
""";

    /// <summary>The python3 executable on PATH, or null when there is none.</summary>
    public static string? FindPython()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "python3");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Compiles every source with CPython and returns the verdicts in order.</summary>
    public static async Task<IReadOnlyList<CPythonVerdict>> CompileAllAsync(string python, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var lines = await RunAsync(python, CompileScript, [], sources, cancellationToken);
        var verdicts = new List<CPythonVerdict>(sources.Count);
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("ok").GetBoolean())
            {
                verdicts.Add(new CPythonVerdict(true, 0, 0, string.Empty, string.Empty));
            }
            else
            {
                verdicts.Add(new CPythonVerdict(false, root.GetProperty("line").GetInt32(), root.GetProperty("offset").GetInt32(),
                    root.GetProperty("msg").GetString() ?? string.Empty, root.GetProperty("type").GetString() ?? string.Empty));
            }
        }

        if (verdicts.Count != sources.Count)
        {
            throw new InvalidOperationException($"python3 returned {verdicts.Count} verdicts for {sources.Count} sources");
        }

        return verdicts;
    }

    /// <summary>The best of <paramref name="rounds"/> timings of <c>ast.parse</c> over all sources, in milliseconds.</summary>
    public static async Task<double> TimeAstParseAsync(string python, IReadOnlyList<string> sources, int rounds, CancellationToken cancellationToken)
    {
        var lines = await RunAsync(python, TimingScript, [rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)], sources, cancellationToken);
        return double.Parse(lines.First(l => l.Length > 0), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> RunAsync(string python, string script, IReadOnlyList<string> args, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), $"mge-oracle-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
        try
        {
            var info = new ProcessStartInfo(python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-W");
            info.ArgumentList.Add("ignore");
            info.ArgumentList.Add(scriptPath);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
            var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdin = process.StandardInput.BaseStream;
            foreach (var source in sources)
            {
                var bytes = Encoding.UTF8.GetBytes(source);
                var header = Encoding.ASCII.GetBytes($"{bytes.Length}\n");
                await stdin.WriteAsync(header, cancellationToken);
                await stdin.WriteAsync(bytes, cancellationToken);
            }

            stdin.Close();
            var stdout = await stdoutTask;
            var stderr = await stderrTask;
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {stderr}");
            }

            return stdout.Split('\n').ToList();
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }
}
