using System.CommandLine;
using Mge.Cli.Commands;
using Mge.Cli.Terminal;

namespace Mge.Cli;

/// <summary>The command tree of <c>mge</c>: generate, status, resume, list, validate, atomize, waves (plus the built-in --help and --version).</summary>
public static class MgeRootCommand
{
    public static RootCommand Build(CliEnvironment environment, CliServices services)
    {
        var root = new RootCommand(
            "MGE turns one sentence into a complete, runnable project (FastAPI, Django or Express): discovery, masterplan, code generation, validation with repair, atomization, dependency waves, wave execution, files, infrastructure, zipped workspace. The code-intelligence commands (validate, atomize, waves) run the same analysis on files you already have.");
        root.Subcommands.Add(new GenerateCommand(environment, services.Configuration, services.Time).Build());
        root.Subcommands.Add(new StatusCommand(environment, services.Configuration, services.Time).Build());
        root.Subcommands.Add(new ResumeCommand(environment, services.Configuration, services.Time).Build());
        root.Subcommands.Add(new ListCommand(environment, services.Configuration, services.Time).Build());
        root.Subcommands.Add(new ServeCommand(environment, services.Configuration).Build());
        root.Subcommands.Add(new ValidateCommand(environment, services.Languages).Build());
        root.Subcommands.Add(new AtomizeCommand(environment, services.Languages).Build());
        root.Subcommands.Add(new WavesCommand(environment, services.Languages, services.PlanWaves).Build());
        return root;
    }
}
