using System.CommandLine;
using Mge.Cli.CodeIntelligence;
using Mge.Cli.Terminal;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;
using Spectre.Console;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge waves DIR [--max-wave-size N] [--json]</c>: atomizes a project, builds the atom dependency graph
/// (an edge where one atom uses what another defines) and shows the execution waves and the cycles broken.
/// </summary>
/// <param name="planWaves">Plans waves for a project's atoms with a maximum wave size.</param>
public sealed class WavesCommand(CliEnvironment environment, LanguageServices languages, Func<IReadOnlyList<Atom>, int, WavePlan> planWaves)
{
    /// <summary>Atoms listed per wave in the human output before the rest is summarised as a count.</summary>
    private const int AtomsShownPerWave = 12;

    private readonly Argument<string> directory = new("DIR")
    {
        Description = "The project folder (searched recursively by extension; node_modules, .git, __pycache__ and .venv are skipped).",
    };

    private readonly Option<int> maxWaveSize = new("--max-wave-size")
    {
        Description = "Waves with more atoms than this are split into consecutive waves (1 or more).",
        DefaultValueFactory = _ => 50,
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write the atoms, edges, waves and cycles as one JSON object to stdout.",
    };

    public Command Build()
    {
        var command = new Command("waves", "Plan the dependency waves of a project's atoms: the atoms, their edges (uses -> defines), the waves in execution order, and the cycles found and how each was broken. Exit code 0 when every file atomizes, 1 when some could not (their atoms are left out), 2 for usage errors.")
        {
            directory,
            maxWaveSize,
            json,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(directory) ?? "", parseResult.GetValue(maxWaveSize), parseResult.GetValue(json), cancellationToken));
        return command;
    }

    public async Task<int> RunAsync(string directoryArgument, int waveSize, bool asJson, CancellationToken cancellationToken)
    {
        if (waveSize < 1)
        {
            throw new CliUsageException($"--max-wave-size must be 1 or more (was {waveSize}).");
        }

        if (string.IsNullOrWhiteSpace(directoryArgument) || !Directory.Exists(environment.ResolvePath(directoryArgument)))
        {
            throw new CliUsageException(File.Exists(environment.ResolvePath(directoryArgument))
                ? $"{directoryArgument}: waves needs a project directory, not a single file."
                : $"{directoryArgument}: no such directory.");
        }

        var selection = (await new SourceSelector(languages, environment).SelectAsync([directoryArgument], cancellationToken))[0];
        var atoms = new List<Atom>();
        var failed = new List<AtomizedFile>();
        foreach (var file in selection.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = await File.ReadAllTextAsync(file.FullPath, cancellationToken);
            var atomized = file.Language.Atomize(new SourceFile(file.ProjectPath, text), cancellationToken);
            if (atomized.Succeeded)
            {
                atoms.AddRange(atomized.Atoms);
            }
            else
            {
                failed.Add(atomized);
            }
        }

        var plan = planWaves(atoms, waveSize);
        if (asJson)
        {
            await environment.Out.WriteLineAsync(CodeReportJson.Waves(selection.ProjectRoot, atoms, plan, failed, waveSize).ToJsonString(CodeReportJson.Compact));
        }
        else
        {
            WriteHuman(SpectreConsoles.ForOut(environment), selection, atoms, plan, failed);
        }

        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void WriteHuman(IAnsiConsole console, SourceSelection selection, IReadOnlyList<Atom> atoms, WavePlan plan, IReadOnlyList<AtomizedFile> failed)
    {
        var files = atoms.Select(a => a.FilePath).Distinct(StringComparer.Ordinal).Count();
        console.MarkupLine(Markup.Escape($"{selection.ProjectRoot}: {atoms.Count} atom(s) in {files} file(s), {plan.Edges.Count} edge(s), {plan.Waves.Count} wave(s), {plan.Cycles.Count} cycle(s)."));

        var table = new Table().Border(TableBorder.Simple).AddColumn("wave").AddColumn("atoms").AddColumn("members");
        for (var i = 0; i < plan.Waves.Count; i++)
        {
            var wave = plan.Waves[i];
            var shown = string.Join(", ", wave.Take(AtomsShownPerWave));
            if (wave.Count > AtomsShownPerWave)
            {
                shown += $", ... ({wave.Count - AtomsShownPerWave} more)";
            }

            table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), wave.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(shown));
        }

        if (plan.Waves.Count > 0)
        {
            console.Write(table);
        }

        foreach (var cycle in plan.Cycles)
        {
            console.MarkupLine(Markup.Escape($"cycle of {cycle.AtomIds.Count} atom(s): {string.Join(", ", cycle.AtomIds)}"));
            foreach (var edge in cycle.BrokenEdges)
            {
                console.MarkupLine(Markup.Escape($"    broke {edge.From} -> {edge.To} ({edge.Symbol})"));
            }
        }

        foreach (var file in failed)
        {
            console.MarkupLine($"[red]{Markup.Escape($"not atomized: {file.Path}: {string.Join("; ", file.Diagnostics.Select(d => d.ToString()))}")}[/]");
        }
    }
}
