using System.CommandLine;
using Mge.Cli.CodeIntelligence;
using Mge.Cli.Terminal;
using Mge.CodeIntelligence.Languages;
using Spectre.Console;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge validate PATH... [--json]</c>: checks source files (syntax, imports against the project and its
/// declared dependencies, whatever else the language service checks) and reports every diagnostic.
/// </summary>
public sealed class ValidateCommand(CliEnvironment environment, LanguageServices languages)
{
    private readonly Argument<string[]> paths = new("PATH")
    {
        Description = "Files or directories (searched recursively by extension; node_modules, .git, __pycache__ and .venv are skipped).",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write one JSON object per file (JSON lines) to stdout, as each file is checked.",
    };

    public Command Build()
    {
        var command = new Command("validate", "Check Python / JavaScript / TypeScript files: syntax with line and column, imports against the project's files and declared dependencies (requirements.txt, pyproject.toml, package.json). Exit code 0 when every file is valid, 1 when any has errors, 2 for usage errors.")
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
        int files = 0, invalid = 0;
        var skippedChecks = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var selection in selections)
        {
            foreach (var file in selection.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = await File.ReadAllTextAsync(file.FullPath, cancellationToken);
                var validation = file.Language.Validate(new SourceFile(file.ProjectPath, text), selection.Project, cancellationToken);
                files++;
                if (!validation.IsValid)
                {
                    invalid++;
                }

                skippedChecks.UnionWith(validation.ChecksSkipped);
                if (asJson)
                {
                    await environment.Out.WriteLineAsync(CodeReportJson.Validation(file.DisplayPath, validation).ToJsonString(CodeReportJson.Compact));
                    await environment.Out.FlushAsync(cancellationToken);
                }
                else
                {
                    WriteHuman(console, file, validation);
                }
            }
        }

        if (!asJson)
        {
            var skipped = skippedChecks.Count > 0 ? $" Checks not run: {string.Join(", ", skippedChecks)}." : "";
            console.MarkupLine(Markup.Escape($"{files} file(s) checked: {files - invalid} valid, {invalid} with errors.{skipped}"));
        }

        return invalid == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void WriteHuman(IAnsiConsole console, SelectedFile file, FileValidation validation)
    {
        var errors = validation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = validation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var verdict = validation.IsValid ? "[green]PASS[/]" : "[red]FAIL[/]";
        var counts = errors + warnings == 0 ? "valid" : $"{errors} error(s), {warnings} warning(s)";
        console.MarkupLine($"{verdict} {Markup.Escape(file.DisplayPath)} ({CodeReportJson.Name(validation.Language)}) {Markup.Escape(counts)}");
        // Info notes (such as "types not checked") repeat on every file; the closing line lists the checks
        // not run, and --json keeps every diagnostic.
        foreach (var diagnostic in validation.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            var color = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "red",
                DiagnosticSeverity.Warning => "yellow",
                _ => "grey",
            };
            console.MarkupLine($"    {diagnostic.Line}:{diagnostic.Column} [{color}]{CodeReportJson.Name(diagnostic.Severity)}[/] {Markup.Escape(diagnostic.Code)}: {Markup.Escape(diagnostic.Message)}");
        }
    }
}
