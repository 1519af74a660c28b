using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;

namespace Mge.Benchmarks;

/// <summary>
/// Graph building and wave planning, timed separately, on random atom graphs of 10k, 100k and 1M atoms with
/// 5 dependencies per atom (files of 50 atoms, cross-file uses as Python imports), in two families: "cyclic"
/// (one dependency in 10,000 points forward, closing cycles the planner must break) and "dag" (every
/// dependency points to an earlier atom). Each figure is the best of 3 runs after a warm-up run. Then NetworkX's
/// topological_generations runs on the very edge list of the 100k "dag" graph (DiGraph built before the clock
/// starts, best of 3 after a warm-up, timed inside Python) and the generations are checked equal to our waves.
/// Arguments: "--sizes 10000,100000" to choose sizes, "--no-networkx" to skip the comparison (which needs
/// /usr/bin/python3 with networkx). The machine's load average is printed with every row: the cores are shared.
/// </summary>
public sealed class WavePlanningBenchmark : IBenchmark
{
    private const int EdgesPerAtom = 5;
    private const int AtomsPerFile = 50;
    private const int MaxWaveSize = 1_000;
    private const int Runs = 3;
    private const int NetworkXAtoms = 100_000;

    public string Name => "waves";

    public string Description => "atom graph build and wave planning (separately) at 10k/100k/1M atoms, cyclic and DAG; vs NetworkX topological_generations";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var sizes = ParseSizes(args) ?? [10_000, 100_000, 1_000_000];
        Console.WriteLine($"Release build: {!IsDebugBuild()}; {Environment.ProcessorCount} cores; load average at start: {LoadAverage()}");
        Console.WriteLine($"best of {Runs} after a warm-up; build = AtomGraphBuilder.Build(atoms) (symbol index + edges + rows); plan = WavePlanner.Plan(graph, {MaxWaveSize}) on the built graph");
        Console.WriteLine("wall = elapsed time; cpu = the process's CPU time over the same run (less sensitive to other load on the shared cores); MB = bytes allocated");
        Console.WriteLine($"{"family",-7} {"atoms",9} {"edges",9} | {"build ms",9} {"cpu ms",8} {"us/atom",8} {"cpu us/a",8} {"MB",5} | {"plan ms",8} {"cpu ms",8} {"us/atom",8} {"cpu us/a",8} {"MB",5} | {"waves",6} {"cycles",6}  load");

        AtomGraph? networkXGraph = null;
        foreach (var family in new[] { "cyclic", "dag" })
        {
            foreach (var size in sizes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var atoms = SyntheticAtoms(size, seed: 42, acyclic: family == "dag");
                var (graph, build) = Measure(() => AtomGraphBuilder.Build(atoms));
                var (plan, planning) = Measure(() => WavePlanner.Plan(graph, MaxWaveSize));
                Console.WriteLine(
                    $"{family,-7} {size,9} {graph.EdgeCount,9} | {build.Milliseconds,9:F1} {build.CpuMilliseconds,8:F1} {build.Milliseconds * 1000 / size,8:F3} {build.CpuMilliseconds * 1000 / size,8:F3} {build.AllocatedMegabytes,5:F0} | "
                    + $"{planning.Milliseconds,8:F2} {planning.CpuMilliseconds,8:F2} {planning.Milliseconds * 1000 / size,8:F3} {planning.CpuMilliseconds * 1000 / size,8:F3} {planning.AllocatedMegabytes,5:F0} | {plan.Waves.Count,6} {plan.Cycles.Count,6}  {LoadAverage()}");
                if (family == "dag" && size == NetworkXAtoms)
                {
                    networkXGraph = graph;
                }
            }
        }

        if (args.Contains("--no-networkx"))
        {
            return;
        }

        networkXGraph ??= AtomGraphBuilder.Build(SyntheticAtoms(NetworkXAtoms, seed: 42, acyclic: true));
        await CompareWithNetworkXAsync(networkXGraph, cancellationToken);
    }

    /// <summary>
    /// Best wall time and best CPU time of <see cref="Runs"/> runs after one warm-up (each minimum taken on
    /// its own), and the bytes the best-wall run allocated.
    /// </summary>
    private static (T Result, Timing Timing) Measure<T>(Func<T> work)
    {
        var result = work();
        var best = new Timing(double.MaxValue, double.MaxValue, 0);
        for (var run = 0; run < Runs; run++)
        {
            result = default!;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            result = work();
            clock.Stop();
            var cpuMilliseconds = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
            var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (1024.0 * 1024.0);
            best = clock.Elapsed.TotalMilliseconds < best.Milliseconds
                ? new Timing(clock.Elapsed.TotalMilliseconds, Math.Min(cpuMilliseconds, best.CpuMilliseconds), megabytes)
                : best with { CpuMilliseconds = Math.Min(cpuMilliseconds, best.CpuMilliseconds) };
        }

        return (result, best);
    }

    /// <summary>
    /// Atoms in files of 50; atom i defines "s{i}" and uses 5 names defined by random earlier atoms (in the
    /// cyclic family one use in 10,000 names a random atom anywhere, usually a later one).
    /// </summary>
    private static List<Atom> SyntheticAtoms(int count, int seed, bool acyclic)
    {
        var random = new Random(seed);
        var atoms = new List<Atom>(count);
        for (var i = 0; i < count; i++)
        {
            var uses = new List<string>(EdgesPerAtom);
            for (var k = 0; k < EdgesPerAtom; k++)
            {
                if (i == 0 && acyclic)
                {
                    break;
                }

                var target = i > 0 && (acyclic || random.Next(10_000) != 0) ? random.Next(i) : random.Next(count);
                uses.Add("s" + target.ToString(CultureInfo.InvariantCulture));
            }

            var file = "src/f" + (i / AtomsPerFile).ToString(CultureInfo.InvariantCulture) + ".py";
            atoms.Add(new Atom(file, i % AtomsPerFile, SourceLanguage.Python, AtomKind.Statement, string.Empty, 1, 1, 0, 0, string.Empty,
                ["s" + i.ToString(CultureInfo.InvariantCulture)], uses, []));
        }

        // Cross-file uses become imports, so the builder's import resolution is part of what is timed.
        return WithImports(atoms);
    }

    /// <summary>Rewrites uses of names from other files into Python imports of the defining module ("src.f12").</summary>
    private static List<Atom> WithImports(List<Atom> atoms)
    {
        var result = new List<Atom>(atoms.Count);
        var paths = new Dictionary<int, (string File, string Module)>();
        foreach (var atom in atoms)
        {
            var local = new List<string>();
            var imports = new List<ImportReference>();
            foreach (var use in atom.Uses)
            {
                var targetFile = int.Parse(use.AsSpan(1), CultureInfo.InvariantCulture) / AtomsPerFile;
                if (!paths.TryGetValue(targetFile, out var target))
                {
                    var number = targetFile.ToString(CultureInfo.InvariantCulture);
                    target = ("src/f" + number + ".py", "src.f" + number);
                    paths.Add(targetFile, target);
                }

                if (atom.FilePath == target.File)
                {
                    local.Add(use);
                }
                else
                {
                    imports.Add(new ImportReference(target.Module, use, "_" + use));
                }
            }

            result.Add(atom with { Uses = local, Imports = imports });
        }

        return result;
    }

    private static async Task CompareWithNetworkXAsync(AtomGraph graph, CancellationToken cancellationToken)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            Console.WriteLine("networkx comparison skipped: /usr/bin/python3 not found");
            return;
        }

        var (plan, ours) = Measure(() => WavePlanner.Plan(graph, int.MaxValue));
        var nodeOf = new Dictionary<string, int>(graph.AtomCount, StringComparer.Ordinal);
        for (var i = 0; i < graph.AtomCount; i++)
        {
            nodeOf.Add(graph.AtomIds[i], i);
        }

        // Same checksum as the script: sum over nodes of (generation + 1) * (node + 1).
        var checksum = 0L;
        for (var w = 0; w < plan.Waves.Count; w++)
        {
            foreach (var id in plan.Waves[w])
            {
                checksum += (w + 1L) * (nodeOf[id] + 1L);
            }
        }

        var directory = Directory.CreateTempSubdirectory("mge-waves-nx-");
        try
        {
            var edgeFile = Path.Combine(directory.FullName, "edges.txt");
            var text = new StringBuilder(graph.EdgeCount * 14);
            foreach (var edge in graph.Edges)
            {
                // definer -> user, so generation k is wave k+1.
                text.Append(nodeOf[edge.To]).Append(' ').Append(nodeOf[edge.From]).Append('\n');
            }

            await File.WriteAllTextAsync(edgeFile, text.ToString(), cancellationToken);
            var script = Path.Combine(directory.FullName, "generations.py");
            await File.WriteAllTextAsync(script, NetworkXScript, cancellationToken);
            var start = new ProcessStartInfo(python, [script, edgeFile, graph.AtomCount.ToString(CultureInfo.InvariantCulture), Runs.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"networkx comparison failed: {(await error).Trim()}");
                return;
            }

            var fields = (await output).Trim().Split(' ');
            var version = fields[0];
            var buildMs = double.Parse(fields[1], CultureInfo.InvariantCulture);
            var generationsMs = double.Parse(fields[2], CultureInfo.InvariantCulture);
            var generations = int.Parse(fields[3], CultureInfo.InvariantCulture);
            var theirChecksum = long.Parse(fields[4], CultureInfo.InvariantCulture);
            Console.WriteLine($"networkx {version} on the same {graph.AtomCount} atoms / {graph.EdgeCount} edges (the 'dag' graph): DiGraph build {buildMs:F0} ms (not timed against us), "
                + $"topological_generations best of {Runs} {generationsMs:F1} ms, {generations} generations; load {LoadAverage()}");
            Console.WriteLine($"WavePlanner.Plan(graph, no size limit) best of {Runs}: {ours.Milliseconds:F2} ms (cpu {ours.CpuMilliseconds:F2} ms), {plan.Waves.Count} waves; networkx / ours = {generationsMs / ours.Milliseconds:F1}x; "
                + (generations == plan.Waves.Count && checksum == theirChecksum ? "same generations (count and membership checksum)" : "GENERATIONS DIFFER"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static bool IsDebugBuild() =>
        typeof(WavePlanner).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>()
            .Any(d => d.IsJITOptimizerDisabled);

    private static int[]? ParseSizes(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--sizes");
        return index >= 0 && index + 1 < args.Count
            ? args[index + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : null;
    }

    private readonly record struct Timing(double Milliseconds, double CpuMilliseconds, double AllocatedMegabytes);

    private const string NetworkXScript = """
        import sys, time
        import networkx as nx

        path, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        with open(path) as f:
            edges = [tuple(map(int, line.split())) for line in f]
        t0 = time.perf_counter()
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        build = (time.perf_counter() - t0) * 1000
        generations = list(nx.topological_generations(g))  # warm-up
        best = float("inf")
        for _ in range(runs):
            t1 = time.perf_counter()
            generations = list(nx.topological_generations(g))
            best = min(best, (time.perf_counter() - t1) * 1000)
        checksum = sum((k + 1) * (v + 1) for k, gen in enumerate(generations) for v in gen)
        print(f"{nx.__version__} {build:.1f} {best:.2f} {len(generations)} {checksum}")
        """;
}
