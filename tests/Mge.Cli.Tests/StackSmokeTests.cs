using System.Diagnostics;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Testing;

namespace Mge.Cli.Tests;

/// <summary>
/// The stack definition's verification facts used for real on a generated Express project (npm is reachable
/// here; Python packages are not): install, test with its TAP report, start on a chosen port, and the smoke
/// probe on the health route and every list route.
/// </summary>
public sealed class StackSmokeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_generated_express_project_installs_tests_starts_and_answers_its_smoke_probes()
    {
        var stack = ProjectStacks.For(ProjectType.Express);
        var run = await CliRun.RunAsync(temp.Path, "generate", "Build an Express API for a library with books and authors", "--type", stack.Name, "--out", "out", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var project = GeneratedArtifacts.Read(run);
        var environment = stack.EnvironmentVariables.ToDictionary(v => v.Name, v => v.DevelopmentValue);

        var install = await RunAsync(stack.Commands.Install.Argv, project.Folder, environment, TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.Output);
        var test = await RunAsync(stack.Commands.Test.Argv, project.Folder, environment, TimeSpan.FromMinutes(3));
        Assert.True(test.ExitCode == 0, test.Output);
        Assert.Matches("(?m)^TAP version [0-9]+$", test.Output);
        Assert.Matches("(?m)^# pass [1-9][0-9]*$", test.Output);
        Assert.Contains("# fail 0", test.Output, StringComparison.Ordinal);

        var port = FreePorts.Next();
        environment[stack.Commands.Start.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var app = Start(stack.Commands.Start.Argv, project.Folder, environment);
        try
        {
            await FreePorts.WaitUntilListeningAsync(port, stack.Smoke.StartupTimeout);
            var routes = stack.SmokeRoutes([new DomainEntity { Name = "Book" }, new DomainEntity { Name = "Author" }]);
            Assert.Equal(["/health", "/books", "/authors"], routes);
            foreach (var route in routes)
            {
                var probe = stack.Smoke.ProbeFor($"http://127.0.0.1:{port}{route}");
                var (exit, output) = await RunAsync(probe, project.Folder, environment, TimeSpan.FromSeconds(30));
                Assert.True(exit == 0, $"{route}: {output}");
                Assert.Equal("200", output.Split('\n')[0]);
            }

            // Any answer is a response (exit 0); its status is the first line, the body follows.
            var missing = await RunAsync(stack.Smoke.ProbeFor($"http://127.0.0.1:{port}/no-such-route"), project.Folder, environment, TimeSpan.FromSeconds(30));
            Assert.Equal((0, "404"), (missing.ExitCode, missing.Output.Split('\n')[0]));
            Assert.Contains("Not found", missing.Output, StringComparison.Ordinal);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> argv, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static Process Start(IReadOnlyList<string> argv, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(StartInfo(argv, folder, environment)) ?? throw new InvalidOperationException($"Could not start {argv[0]}.");
        // Drained so that a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> argv, string folder, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        ExternalProcess.RunAsync(argv[0], argv.Skip(1), folder, timeout, environment);
}
