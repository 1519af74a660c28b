using System.Diagnostics;
using System.Text.Json;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Atomization;

namespace Mge.Pipeline.Tests.Infrastructure;

public sealed class InfrastructurePhaseTests
{
    private const string Run = PhaseHarness.RunId;

    /// <summary>Every shipped stack, by name.</summary>
    public static TheoryData<string> Types => new(ProjectStacks.All.Select(s => s.Name));

    private static Task<string?> WorkspaceTextAsync(PhaseHarness harness, string path) =>
        harness.Repository.GetTextAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(Run, path));

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_infrastructure_file_of_the_stack_is_written_and_filled(string name)
    {
        var type = new ProjectType(name);
        var harness = new PhaseHarness(type);
        var code = ProjectStacks.For(type).Layout.App.Path;
        await harness.SeedAsync((1, [(code, "# the app\n")]));
        await harness.Repository.PutTextAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(Run, code), "# the app\n");

        var outcome = await harness.Infrastructure.GenerateAsync(Run);

        var stack = ProjectStacks.For(type);
        Assert.Equal(stack.Name, outcome.ProjectType);
        Assert.Equal(stack.InfrastructureFiles.Select(f => f.OutputPath), outcome.Files);
        foreach (var file in stack.InfrastructureFiles)
        {
            var text = await WorkspaceTextAsync(harness, file.OutputPath);
            Assert.False(string.IsNullOrWhiteSpace(text), file.OutputPath);
        }

        var readme = (await WorkspaceTextAsync(harness, "README.md"))!;
        Assert.Contains("# Task Tracker API", readme);
        Assert.Contains(code, readme);
        foreach (var entity in new[] { "User", "Task", "TaskComment" })
        {
            Assert.Contains($"### {entity}", readme);
        }

        if (stack.PackageManager == PackageManager.Npm)
        {
            using var package = JsonDocument.Parse((await WorkspaceTextAsync(harness, "package.json"))!);
            Assert.Equal(stack.Commands.Test.ShellLine, package.RootElement.GetProperty("scripts").GetProperty("test").GetString());
        }

        var done = Assert.Single(await harness.EventsAsync(ProgressEvents.InfrastructureGenerationCompleteType));
        Assert.Equal(stack.InfrastructureFiles.Count, done.Data["files_generated"]!.GetValue<int>());
        Assert.Equal(stack.Name, done.Data["project_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_the_code_already_provides_is_not_overwritten_and_a_rerun_gives_the_same_files()
    {
        var harness = new PhaseHarness(ProjectType.FastApi);
        await harness.SeedAsync((1, [("README.md", "# Hand written\n"), ("app/main.py", "app = 1\n")]));
        await harness.FileWriting.WriteAsync(Run);

        var first = await harness.Infrastructure.GenerateAsync(Run);
        var dockerfile = await WorkspaceTextAsync(harness, "Dockerfile");
        var second = await harness.Infrastructure.GenerateAsync(Run);

        Assert.DoesNotContain("README.md", first.Files);
        Assert.Equal("# Hand written\n", await WorkspaceTextAsync(harness, "README.md"));
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(dockerfile, await WorkspaceTextAsync(harness, "Dockerfile"));
    }

    [Fact]
    public async Task An_owned_file_the_code_provides_is_replaced_by_the_definitions()
    {
        var harness = new PhaseHarness(ProjectType.Express);
        await harness.SeedAsync((1, [("Dockerfile", "FROM node:14\nCMD node index.js\n"), ("package.json", "{\"name\": \"x\"}\n"), ("src/app.js", "// app\n")]));
        await harness.FileWriting.WriteAsync(Run);

        var outcome = await harness.Infrastructure.GenerateAsync(Run);

        Assert.Contains("Dockerfile", outcome.Files);
        Assert.Contains("package.json", outcome.Files);
        Assert.Contains("CMD [\"node\", \"src/server.js\"]", await WorkspaceTextAsync(harness, "Dockerfile"));
        using var package = JsonDocument.Parse((await WorkspaceTextAsync(harness, "package.json"))!);
        Assert.Equal("^4.21.2", package.RootElement.GetProperty("dependencies").GetProperty("express").GetString());
    }

    [Theory]
    [MemberData(nameof(Types))]
    [Trait("Category", "Slow")]
    public async Task Docker_compose_accepts_the_compose_file_when_it_is_installed(string name)
    {
        var type = new ProjectType(name);
        var stack = ProjectStacks.For(type);
        var model = InfrastructureModelBuilder.Build(stack, SampleProjects.Discovery(stack.Name), SampleProjects.Plan(stack.Name), SampleProjects.Files(type));
        var renderer = TestRenderers.Default();
        var text = await renderer.RenderAsync("shared/docker-compose.yml.sbn", model);
        Assert.Empty(ComposeFileCheck.Check(text));

        var compose = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
        if (compose is null)
        {
            // docker-compose (Debian 1.29) is an optional oracle beside the YamlDotNet check above.
            return;
        }

        var directory = Directory.CreateTempSubdirectory("mge-compose-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "docker-compose.yml"), text);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, ".env"), await renderer.RenderAsync("shared/env.example.sbn", model));
            var start = new ProcessStartInfo(compose, ["-f", "docker-compose.yml", "config", "-q"])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"docker-compose config failed: {errors}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
