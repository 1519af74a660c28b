using System.Text.Json;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.Prompting;

/// <summary>The planning and code prompts state each stack's facts as its definition has them.</summary>
public sealed class StackConventionsTests
{
    private static readonly DiscoveryDocument Discovery = JsonSerializer.Deserialize<DiscoveryDocument>(SampleAnswers.Discovery)!;

    public static TheoryData<string> Types => new(ProjectStacks.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Types))]
    public void Planning_and_code_prompts_carry_the_layout_variables_routes_and_commands(string type)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var builder = new PromptBuilder();
        var planning = builder.MasterPlan(SampleAnswers.Request, stack.Type, Discovery)[1].Text;
        var code = builder.Code(new ProjectPrompt(SampleAnswers.Request, stack.Type, Discovery, []), new PlanTask { Number = 1, Name = "M" }, [])[1].Text;

        foreach (var text in new[] { planning, code })
        {
            Assert.Contains($"{stack.LanguageVersion}", text, StringComparison.Ordinal);
            Assert.All(stack.Layout.Files, f => Assert.Contains($"  - {f.Path}: ", text, StringComparison.Ordinal));
            Assert.All(stack.EnvironmentVariables, v => Assert.Contains($"  - {v.Name}: {v.Meaning}", text, StringComparison.Ordinal));
            Assert.All(stack.Packages, p => Assert.Contains($"{p.Name} {p.Version}", text, StringComparison.Ordinal));
            Assert.Contains($"GET {stack.Routes.Health} answers 200", text, StringComparison.Ordinal);
            foreach (var entity in Discovery.Entities)
            {
                Assert.Contains($"  - {entity.Name}: {stack.CollectionRoute(EntityNaming.Resource(entity))} (GET lists, POST creates)", text, StringComparison.Ordinal);
            }

            Assert.Contains($"`{stack.Commands.Start.ShellLine}`", text, StringComparison.Ordinal);
            Assert.Contains($"`{stack.Commands.Test.ShellLine}`", text, StringComparison.Ordinal);
            Assert.Contains($"never plan or write {string.Join(", ", stack.OwnedFiles)}.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_python_version_of_the_prompts_is_the_images()
    {
        var stack = ProjectStacks.For(ProjectType.FastApi);
        var planning = new PromptBuilder().MasterPlan(SampleAnswers.Request, stack.Type, Discovery)[1].Text;

        Assert.Contains("Python 3.12", planning, StringComparison.Ordinal);
        Assert.DoesNotContain("3.11", planning, StringComparison.Ordinal);
        Assert.Equal("python:3.12-slim", stack.BaseImage);
    }
}
