using System.Text.Json;
using Mge.Models.Offline;
using Mge.Models.Offline.Blueprint;
using Mge.Models.Offline.Discovery;
using Mge.Models.Offline.Stacks;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Tests.Offline;

/// <summary>The offline model's writers follow the stack definitions: one writer per definition, only layout files planned, manifests as the definition pins them.</summary>
public sealed class StackDefinitionTests
{
    private const string EnglishRequest = "Create a REST API for task management with users, tasks, and comments";
    private const string SpanishRequest = "Crea una API REST para gestionar una biblioteca con libros, autores y préstamos";

    public static TheoryData<string, string> StacksAndRequests()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in ProjectStacks.All)
        {
            data.Add(stack.Name, EnglishRequest);
            data.Add(stack.Name, SpanishRequest);
        }

        return data;
    }

    [Fact]
    public void Every_stack_definition_has_exactly_one_writer()
    {
        Assert.Equal(ProjectStacks.All.Select(s => s.Name), ProjectWriters.All.Select(w => w.Stack.Name).Order(StringComparer.Ordinal));
        Assert.All(ProjectStacks.All, s => Assert.Same(s, ProjectWriters.For(s.Type).Stack));
    }

    [Theory]
    [MemberData(nameof(StacksAndRequests))]
    public async Task The_plan_writes_only_layout_files_every_required_one_and_tests(string type, string request)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        using var client = new OfflineChatClient();
        var discovery = OfflinePrompts.ReadJson<DiscoveryDocument>((await client.GetResponseAsync(OfflinePrompts.Discovery(request, stack.Type))).Text);
        var plan = OfflinePrompts.ReadJson<MasterPlan>((await client.GetResponseAsync(OfflinePrompts.Planning(request, stack.Type, discovery))).Text);
        var files = plan.Tasks.SelectMany(t => t.TargetFiles).ToList();

        Assert.Equal(type, plan.ProjectType);
        Assert.All(files, f => Assert.True(stack.Layout.Files.Any(l => l.Matches(f)), $"{f} is not a file of the {type} layout"));
        Assert.All(stack.Layout.RequiredFiles, f => Assert.Contains(f, files));
        Assert.Contains(files, stack.Layout.Tests.Matches);
        Assert.DoesNotContain(files, stack.OwnedFiles.Contains);
    }

    [Fact]
    public void Manifests_written_for_a_plan_that_asks_for_them_carry_the_definitions_pins()
    {
        var discovery = DiscoveryComposer.Compose(EnglishRequest, ProjectType.FastApi);
        foreach (var stack in ProjectStacks.All)
        {
            var blueprint = BlueprintBuilder.Build(discovery, stack.Type);
            var manifest = UnplannedFile.Write(blueprint, stack.ManifestPath, null);
            if (stack.PackageManager == PackageManager.Pip)
            {
                Assert.Equal(stack.Packages.Select(p => p.Name + p.Version), manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            using var package = JsonDocument.Parse(manifest);
            var root = package.RootElement;
            Assert.Equal(stack.Commands.Test.ShellLine, root.GetProperty("scripts").GetProperty("test").GetString());
            Assert.Equal(stack.Commands.Start.ShellLine, root.GetProperty("scripts").GetProperty("start").GetString());
            Assert.All(stack.Packages.Where(p => !p.Dev), p => Assert.Equal(p.Version, root.GetProperty("dependencies").GetProperty(p.Name).GetString()));
        }
    }
}
