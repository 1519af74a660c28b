using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;

namespace Mge.Benchmarks;

/// <summary>
/// Graph building and wave planning on random, mostly acyclic atom graphs (5 dependencies per atom on
/// average, 0.01% backward edges that form cycles) of 10k, 100k and 1M atoms, and a comparison with
/// NetworkX's topological_generations on the same 100k-atom / 500k-edge DAG. Arguments: "--sizes 10000,100000"
/// to choose sizes, "--no-networkx" to skip the comparison (which needs /usr/bin/python3 with networkx).
/// </summary>
public sealed class WavePlanningBenchmark : IBenchmark
{
    private const int EdgesPerAtom = 5;
    private const int AtomsPerFile = 50;
    private const int MaxWaveSize = 1_000;

    public string Name => "waves";

    public string Description => "atom graph + wave planning at 10k/100k/1M atoms; vs NetworkX topological_generations";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var sizes = ParseSizes(args) ?? [10_000, 100_000, 1_000_000];
        Console.WriteLine($"{"atoms",10} {"edges",10} {"build ms",10} {"plan ms",10} {"total ms",10} {"us/atom",8} {"waves",7} {"cycles",7}");
        WarmUp();
        double? previousPerAtom = null;
        foreach (var size in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var atoms = SyntheticAtoms(size, seed: 42);
            GC.Collect();
            var build = Stopwatch.StartNew();
            var graph = AtomGraphBuilder.Build(atoms);
            build.Stop();
            var plan = Stopwatch.StartNew();
            var waves = WavePlanner.Plan(graph, MaxWaveSize);
            plan.Stop();
            var total = build.Elapsed.TotalMilliseconds + plan.Elapsed.TotalMilliseconds;
            var perAtom = total * 1000 / size;
            Console.WriteLine($"{size,10} {graph.EdgeCount,10} {build.Elapsed.TotalMilliseconds,10:F0} {plan.Elapsed.TotalMilliseconds,10:F0} {total,10:F0} {perAtom,8:F2} {waves.Waves.Count,7} {waves.Cycles.Count,7}"
                + (previousPerAtom is { } p ? $"  (per-atom cost x{perAtom / p:F2} vs previous size)" : string.Empty));
            previousPerAtom = perAtom;
        }

        if (!args.Contains("--no-networkx"))
        {
            await CompareWithNetworkXAsync(100_000, cancellationToken);
        }
    }

    private static void WarmUp()
    {
        WavePlanner.Plan(AtomGraphBuilder.Build(SyntheticAtoms(2_000, seed: 1)), MaxWaveSize);
    }

    /// <summary>Atoms in files of 50; atom i defines "s{i}" and uses ~5 names defined by random earlier atoms.</summary>
    private static List<Atom> SyntheticAtoms(int count, int seed)
    {
        var random = new Random(seed);
        var atoms = new List<Atom>(count);
        for (var i = 0; i < count; i++)
        {
            var uses = new string[EdgesPerAtom];
            for (var k = 0; k < EdgesPerAtom; k++)
            {
                // One edge in 10,000 points forward, closing cycles that the planner must break.
                var target = i > 0 && random.Next(10_000) != 0 ? random.Next(i) : random.Next(count);
                uses[k] = "s" + target.ToString(CultureInfo.InvariantCulture);
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
        foreach (var atom in atoms)
        {
            var local = new List<string>();
            var imports = new List<ImportReference>();
            foreach (var use in atom.Uses)
            {
                var target = int.Parse(use.AsSpan(1), CultureInfo.InvariantCulture);
                var module = "src.f" + (target / AtomsPerFile).ToString(CultureInfo.InvariantCulture);
                if (atom.FilePath == "src/f" + (target / AtomsPerFile).ToString(CultureInfo.InvariantCulture) + ".py")
                {
                    local.Add(use);
                }
                else
                {
                    imports.Add(new ImportReference(module, use, "_" + use));
                }
            }

            result.Add(atom with { Uses = local, Imports = imports });
        }

        return result;
    }

    private static async Task CompareWithNetworkXAsync(int atoms, CancellationToken cancellationToken)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            Console.WriteLine("networkx comparison skipped: /usr/bin/python3 not found");
            return;
        }

        // A pure DAG (edges to earlier atoms), 5 per atom, so both sides compute the same generations.
        var random = new Random(7);
        var from = new int[atoms * EdgesPerAtom];
        var to = new int[atoms * EdgesPerAtom];
        var e = 0;
        for (var i = 1; i < atoms; i++)
        {
            for (var k = 0; k < EdgesPerAtom; k++)
            {
                from[e] = i;
                to[e] = random.Next(i);
                e++;
            }
        }

        var ids = Enumerable.Range(0, atoms).Select(i => "src/f" + (i / AtomsPerFile) + ".py#" + (i % AtomsPerFile)).ToArray();
        var graph = AtomGraph.FromIndexEdges(ids, from.AsSpan(0, e), to.AsSpan(0, e), "s");
        var ours = Stopwatch.StartNew();
        var plan = WavePlanner.Plan(graph, int.MaxValue);
        ours.Stop();
        var oursBest = ours.Elapsed.TotalMilliseconds;
        for (var run = 0; run < 2; run++)
        {
            ours.Restart();
            plan = WavePlanner.Plan(graph, int.MaxValue);
            ours.Stop();
            oursBest = Math.Min(oursBest, ours.Elapsed.TotalMilliseconds);
        }

        var directory = Directory.CreateTempSubdirectory("mge-waves-nx-");
        try
        {
            var edgeFile = Path.Combine(directory.FullName, "edges.txt");
            var builder = new StringBuilder();
            for (var i = 0; i < e; i++)
            {
                // definer -> user, so generation k is wave k+1.
                builder.Append(to[i]).Append(' ').Append(from[i]).Append('\n');
            }

            await File.WriteAllTextAsync(edgeFile, builder.ToString(), cancellationToken);
            var script = Path.Combine(directory.FullName, "generations.py");
            await File.WriteAllTextAsync(script, NetworkXScript, cancellationToken);
            var start = new ProcessStartInfo(python, [script, edgeFile, atoms.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"networkx comparison failed: {error.Trim()}");
                return;
            }

            var fields = output.Trim().Split(' ');
            var buildMs = double.Parse(fields[0], CultureInfo.InvariantCulture);
            var generationsMs = double.Parse(fields[1], CultureInfo.InvariantCulture);
            var generations = int.Parse(fields[2], CultureInfo.InvariantCulture);
            Console.WriteLine($"networkx {NetworkXVersion(python)} on {atoms} atoms / {e} edges: DiGraph build {buildMs:F0} ms, topological_generations {generationsMs:F0} ms ({generations} generations)");
            Console.WriteLine($"WavePlanner.Plan on the same graph (SCC + levels + ids, best of 3): {oursBest:F0} ms ({plan.Waves.Count} waves); networkx/ours = {generationsMs / oursBest:F2}x"
                + (generations == plan.Waves.Count ? ", same number of levels" : ", LEVEL COUNT DIFFERS"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string NetworkXVersion(string python)
    {
        using var process = Process.Start(new ProcessStartInfo(python, ["-c", "import networkx; print(networkx.__version__)"]) { RedirectStandardOutput = true })!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version;
    }

    private static int[]? ParseSizes(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--sizes");
        return index >= 0 && index + 1 < args.Count
            ? args[index + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : null;
    }

    private const string NetworkXScript = """
        import sys, time
        import networkx as nx

        path, n = sys.argv[1], int(sys.argv[2])
        with open(path) as f:
            edges = [tuple(map(int, line.split())) for line in f]
        t0 = time.perf_counter()
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        t1 = time.perf_counter()
        generations = list(nx.topological_generations(g))
        t2 = time.perf_counter()
        print(f"{(t1 - t0) * 1000:.1f} {(t2 - t1) * 1000:.1f} {len(generations)}")
        """;
}
