using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Cli.Tests;

/// <summary>
/// A whole generation per stack definition, for an English and a Spanish request (offline model, in-process
/// CLI): .env.example, docker-compose.yml (parsed as YAML), the Dockerfile and the code agree on variable
/// names, defaults, ports, commands and routes, and all of them agree with the stack definition.
/// </summary>
public sealed class StackConsistencyTests : IDisposable
{
    private const string English = "Create a REST API for task management with users, tasks and comments";
    private const string Spanish = "Crea una API REST para gestionar una biblioteca con libros, autores y préstamos";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Stacks => new(ProjectStacks.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Stacks))]
    public Task An_english_request_gives_files_that_agree(string type) => GenerateAndCheckAsync(type, English);

    /// <summary>The same checks for a Spanish request; a whole generation per stack takes 4-8 s here, so these three are Slow.</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    [Trait("Category", "Slow")]
    public Task A_spanish_request_gives_files_that_agree(string type) => GenerateAndCheckAsync(type, Spanish);

    private async Task GenerateAndCheckAsync(string type, string request)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var run = await CliRun.RunAsync(temp.Path, "generate", request, "--type", type, "--out", "out", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var project = GeneratedArtifacts.Read(run);
        var port = stack.Port.ToString(CultureInfo.InvariantCulture);
        var portVariable = stack.Commands.Start.PortVariable;

        // .env.example: every variable of the definition at its development value, nothing else.
        Assert.Equal(stack.EnvironmentVariables.Select(v => (v.Name, v.DevelopmentValue)), project.EnvExample.Select(e => (e.Key, e.Value)));
        Assert.Equal(port, project.EnvExample[portVariable]);

        // Compose reads .env, publishes the port variable on the same port, and pins only declared mode switches.
        Assert.Equal([".env"], project.ComposeList("env_file"));
        Assert.Equal([$"${{{portVariable}:-{port}}}:${{{portVariable}:-{port}}}"], project.ComposeList("ports"));
        var pinned = project.ComposeEnvironment();
        Assert.Equal(stack.EnvironmentVariables.Where(v => v.ProductionValue is not null).Select(v => (v.Name, v.ProductionValue!)), pinned.Select(e => (e.Key, e.Value)));

        // The image: the same port, the same pins, the start command and a health check on the health route.
        Assert.Equal(stack.Port, project.DockerExpose);
        Assert.Equal(port, project.DockerEnvironment[portVariable]);
        Assert.All(pinned, p => Assert.Equal(p.Value, project.DockerEnvironment[p.Key]));
        Assert.DoesNotContain(stack.EnvironmentVariables, v => v.Secret && project.DockerEnvironment.ContainsKey(v.Name));
        Assert.Equal(stack.Commands.Start.Argv, project.DockerCommand);
        Assert.Contains($"\"http://127.0.0.1:${{{portVariable}:-{port}}}{stack.Routes.Health}\"", project.DockerHealthcheck, StringComparison.Ordinal);
        Assert.StartsWith(stack.Smoke.ProbeArgv[0], project.DockerHealthcheck.Split("CMD ", 2)[1], StringComparison.Ordinal);

        // The code reads exactly the declared variables (the port through the start command where the server does not read it itself)...
        var read = project.VariablesReadByCode();
        var startCommand = string.Join(' ', stack.Commands.Start.Argv);
        Assert.Empty(read.Except(stack.EnvironmentVariables.Select(v => v.Name)));
        Assert.All(stack.EnvironmentVariables, v => Assert.True(
            read.Contains(v.Name) || project.Code.Values.Any(c => c.Contains($"\"{v.Name}\"", StringComparison.Ordinal)) || startCommand.Contains("${" + v.Name, StringComparison.Ordinal),
            $"{v.Name} is declared but neither the code nor the start command reads it"));

        // ... with the declared defaults, and no default for a secret.
        foreach (var variable in stack.EnvironmentVariables)
        {
            var defaults = project.DefaultsInCode(variable.Name);
            if (variable.Secret || variable.Default is null)
            {
                Assert.All(defaults, d => Assert.True(d.Length == 0, $"{variable.Name} has the default '{d}' in code"));
            }
            else
            {
                Assert.All(defaults, d => Assert.Equal(variable.Default, d));
            }
        }

        // The port: the start command's expansion of the variable or, where the server reads it itself, the code's default.
        var portDefaults = Regex.Matches(startCommand, $"\\$\\{{{portVariable}:-(?<port>[0-9]+)\\}}").Select(m => m.Groups["port"].Value).Concat(project.DefaultsInCode(portVariable)).ToList();
        Assert.NotEmpty(portDefaults);
        Assert.All(portDefaults, d => Assert.Equal(port, d));

        // Routes: the health route is served by the app file; each entity's list route, as the README documents
        // it (from the discovery, as the smoke step computes it), has the stack's shape and is what the generated tests call.
        var app = project.Read(stack.Layout.App.Path);
        Assert.True(app.Contains($"\"{stack.Routes.Health}\"", StringComparison.Ordinal) || app.Contains($"\"{stack.Routes.Health.TrimStart('/')}\"", StringComparison.Ordinal), $"{stack.Layout.App.Path} does not serve {stack.Routes.Health}");
        var readme = project.Read("README.md");
        var routes = Regex.Matches(readme, "(?m)^\\| GET \\| `(?<route>[^`{]+)` \\|").Select(m => m.Groups["route"].Value).ToList();
        Assert.Equal(Regex.Matches(readme, "(?m)^### ").Count, routes.Count);
        var collection = new Regex("^" + Regex.Escape(stack.Routes.Collection).Replace(Regex.Escape(StackRoutes.ResourcePlaceholder), "[a-z0-9-]+", StringComparison.Ordinal) + "$");
        var tests = string.Concat(project.Code.Where(c => stack.Layout.Tests.Matches(c.Key)).Select(c => c.Value));
        foreach (var route in routes)
        {
            Assert.Matches(collection, route);
            Assert.Contains($"\"{route}\"", tests, StringComparison.Ordinal);
        }

        // Commands: the README's and the manifest's are the definition's; a report file is ignored by git.
        Assert.Contains(stack.Commands.Install.ShellLine + "\n", readme, StringComparison.Ordinal);
        Assert.Contains(stack.Commands.Start.ShellLine + "\n", readme, StringComparison.Ordinal);
        Assert.Contains(stack.Commands.Test.ShellLine + "\n", readme, StringComparison.Ordinal);
        if (stack.PackageManager == PackageManager.Npm)
        {
            using var package = JsonDocument.Parse(project.Read("package.json"));
            var scripts = package.RootElement.GetProperty("scripts");
            Assert.Equal(stack.Commands.Test.ShellLine, scripts.GetProperty("test").GetString());
            Assert.Equal(stack.Commands.Start.ShellLine, scripts.GetProperty("start").GetString());
        }
        else
        {
            var requirements = project.Read("requirements.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));
            Assert.Equal(stack.Packages.Select(p => p.Name + p.Version), requirements);
        }

        if (stack.Commands.Test.Report.Path is { } reportPath)
        {
            Assert.Contains(reportPath.Split('/')[0] + "/", project.Read(".gitignore").Split('\n'));
        }
    }
}
