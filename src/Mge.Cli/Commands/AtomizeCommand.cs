using System.CommandLine;
using Mge.Cli.CodeIntelligence;
using Mge.Cli.Terminal;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;
using Spectre.Console;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge atomize PATH... [--json]</c>: cuts source files into ~10-line atoms along their syntax trees and
/// shows each atom's kind, scope, lines, offsets and the names it defines and uses.
/// </summary>
public sealed class AtomizeCommand(CliEnvironment environment, LanguageServices languages)
{
    private readonly Argument<string[]> paths = new("PATH")
    {
        Description = "Files or directories (searched recursively by extension; node_modules, .git, __pycache__ and .venv are skipped).",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write one JSON object per file (JSON lines) to stdout, as each file is atomized.",
    };

    public Command Build()
    {
        var command = new Command("atomize", "Split source files into atoms (imports, class headers, methods, functions, fragments, statements) with the names each defines and uses. Exit code 0 when every file parses, 1 when any does not, 2 for usage errors.")
        {
            paths,
            json,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(paths) ?? [], parseResult.GetValue(json), cancellationToken));
        return command;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> pathArguments, bool asJson, CancellationToken cancellationToken)
    {
        var selections = await new SourceSelector(languages, environment).SelectAsync(pathArguments, cancellationToken);
        var console = SpectreConsoles.ForOut(environment);
        int files = 0, failed = 0, atoms = 0;

        foreach (var file in selections.SelectMany(s => s.Files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = await File.ReadAllTextAsync(file.FullPath, cancellationToken);
            var atomized = file.Language.Atomize(new SourceFile(file.ProjectPath, text), cancellationToken);
            files++;
            atoms += atomized.Atoms.Count;
            if (!atomized.Succeeded)
            {
                failed++;
            }

            if (asJson)
            {
                await environment.Out.WriteLineAsync(CodeReportJson.Atomization(file.DisplayPath, atomized).ToJsonString(CodeReportJson.Compact));
                await environment.Out.FlushAsync(cancellationToken);
            }
            else
            {
                WriteHuman(console, file, atomized);
            }
        }

        if (!asJson)
        {
            console.MarkupLine(Markup.Escape($"{files} file(s), {atoms} atom(s); {failed} file(s) could not be atomized."));
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void WriteHuman(IAnsiConsole console, SelectedFile file, AtomizedFile atomized)
    {
        console.MarkupLine($"[bold]{Markup.Escape(file.DisplayPath)}[/] ({CodeReportJson.Name(atomized.Language)}): {atomized.Atoms.Count} atom(s)");
        foreach (var diagnostic in atomized.Diagnostics)
        {
            console.MarkupLine($"    [red]{Markup.Escape(diagnostic.ToString())}[/]");
        }

        if (atomized.Atoms.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("#").AddColumn("kind").AddColumn("scope").AddColumn("lines").AddColumn("offsets")
            .AddColumn("defines").AddColumn("uses");
        foreach (var atom in atomized.Atoms)
        {
            table.AddRow(
                atom.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CodeReportJson.Name(atom.Kind),
                Markup.Escape(atom.Scope.Length == 0 ? "(module)" : atom.Scope),
                $"{atom.StartLine}-{atom.EndLine}",
                $"{atom.StartOffset}-{atom.EndOffset}",
                Markup.Escape(string.Join(", ", atom.Defines)),
                Markup.Escape(string.Join(", ", atom.Uses)));
        }

        console.Write(table);
    }
}
