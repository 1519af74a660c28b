using System.Globalization;
using System.Text.Json;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Mge.Pipeline.Tests.Infrastructure;

public sealed class TemplateRendererTests
{
    /// <summary>Every shipped stack, by name.</summary>
    public static TheoryData<string> Types => new(ProjectStacks.All.Select(s => s.Name));

    private static InfrastructureModel Model(string type)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        return InfrastructureModelBuilder.Build(stack, SampleProjects.Discovery(stack.Name), SampleProjects.Plan(stack.Name), SampleProjects.Files(stack.Type));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_template_of_a_stack_renders_without_leftover_markup(string type)
    {
        var renderer = TestRenderers.Default();
        var stack = ProjectStacks.For(new ProjectType(type));
        foreach (var file in stack.InfrastructureFiles)
        {
            var text = await renderer.RenderAsync(file.TemplateName, Model(type));
            Assert.False(string.IsNullOrWhiteSpace(text), $"{file.OutputPath} rendered empty");
            Assert.DoesNotContain("{{", text);
            Assert.DoesNotContain("}}", text);
            if (file.OutputPath != "package.json")
            {
                Assert.Contains("Task Tracker API", text);
            }
        }
    }

    [Theory]
    [InlineData("fastapi", "FROM python:3.12-slim", "CMD [\"sh\", \"-c\", \"exec .venv/bin/uvicorn app.main:app --host 0.0.0.0 --port \\\"${PORT:-8000}\\\"\"]")]
    [InlineData("django", "FROM python:3.12-slim", ".venv/bin/python manage.py migrate --noinput && exec .venv/bin/gunicorn config.wsgi:application --bind \\\"0.0.0.0:${PORT:-8000}\\\"")]
    [InlineData("express", "FROM node:20-slim", "CMD [\"node\", \"src/server.js\"]")]
    public async Task Dockerfile_installs_dependencies_first_runs_unprivileged_and_starts_the_stack(string type, string from, string command)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var file = stack.InfrastructureFiles.Single(f => f.OutputPath == "Dockerfile");
        var text = await TestRenderers.Default().RenderAsync(file.TemplateName, Model(type));

        Assert.Contains(from, text);
        Assert.Contains(command, text);
        Assert.Contains($"EXPOSE {stack.Port}", text);
        Assert.Contains("HEALTHCHECK", text);
        Assert.Contains($"\"http://127.0.0.1:${{PORT:-{stack.Port}}}/health\" | head -n 1 | grep -q '^2' || exit 1", text);
        Assert.Contains($"{stack.Commands.Start.PortVariable}={stack.Port}", text);
        Assert.Matches(@"(?m)^USER (app|node)$", text);
        var manifest = type == "express" ? "COPY package*.json ./" : "COPY requirements.txt .";
        Assert.True(text.IndexOf(manifest, StringComparison.Ordinal) < text.IndexOf("COPY --chown", StringComparison.Ordinal), "the dependency layer must come before the code");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Docker_compose_file_is_a_compose_file_running_the_app_on_the_stack_port(string type)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var text = await TestRenderers.Default().RenderAsync("shared/docker-compose.yml.sbn", Model(type));

        Assert.Empty(ComposeFileCheck.Check(text));
        var app = (YamlMappingNode)((YamlMappingNode)Root(text)["services"])["app"];
        Assert.Equal(".", ((YamlScalarNode)app["build"]).Value);
        // The app listens on PORT from .env (the stack's port by default), published on the same host port.
        Assert.Equal([$"${{PORT:-{stack.Port}}}:${{PORT:-{stack.Port}}}"], ((YamlSequenceNode)app["ports"]).Children.Select(p => ((YamlScalarNode)p).Value));
        Assert.Equal([".env"], ((YamlSequenceNode)app["env_file"]).Children.Select(p => ((YamlScalarNode)p).Value));
        // Compose pins the production values of mode switches over .env, and nothing else.
        var pinned = stack.EnvironmentVariables.Where(v => v.ProductionValue is not null).Select(v => (v.Name, v.ProductionValue)).ToList();
        var environment = app.Children.TryGetValue(new YamlScalarNode("environment"), out var node)
            ? ((YamlMappingNode)node).Children.Select(e => (((YamlScalarNode)e.Key).Value!, ((YamlScalarNode)e.Value).Value)).ToList()
            : [];
        Assert.Equal(pinned, environment);
        Assert.Equal(type == "fastapi" ? [] : type == "django" ? [("DEBUG", "0")] : [("NODE_ENV", (string?)"production")], environment);

        static YamlMappingNode Root(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }
    }

    [Fact]
    public async Task Package_json_is_valid_json_with_start_and_test_scripts_and_express()
    {
        var model = Model("express");
        var text = await TestRenderers.Default().RenderAsync("express/package.json.sbn", model);

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("task-tracker-api", root.GetProperty("name").GetString());
        Assert.Equal(model.Description, root.GetProperty("description").GetString());
        Assert.Equal("node src/server.js", root.GetProperty("scripts").GetProperty("start").GetString());
        Assert.Equal("node --test --test-reporter=tap", root.GetProperty("scripts").GetProperty("test").GetString());
        Assert.Equal("^4.21.2", root.GetProperty("dependencies").GetProperty("express").GetString());
        Assert.Equal("src/app.js", root.GetProperty("main").GetString());
        Assert.Equal(">=20", root.GetProperty("engines").GetProperty("node").GetString());
        Assert.False(root.TryGetProperty("devDependencies", out _), "the Express stack needs no development package (node:test is built in)");
    }

    [Theory]
    [InlineData("fastapi", new[] { "fastapi>=0.110,<1.0", "uvicorn[standard]>=0.29,<1.0", "sqlalchemy>=2.0,<3.0", "pydantic>=2.6,<3.0", "httpx>=0.27,<1.0", "pytest>=8.0,<9.0" })]
    [InlineData("django", new[] { "Django>=5.0,<6.0", "gunicorn>=22.0,<24.0" })]
    public async Task Requirements_list_exactly_the_declared_dependencies(string type, string[] expected)
    {
        var text = await TestRenderers.Default().RenderAsync("shared/requirements.txt.sbn", Model(type));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(expected, lines);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Readme_mentions_every_entity_with_its_endpoints_and_how_to_run(string type)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var text = await TestRenderers.Default().RenderAsync("shared/README.md.sbn", Model(type));

        Assert.StartsWith("# Task Tracker API", text);
        foreach (var (entity, resource) in new[] { ("User", "users"), ("Task", "tasks"), ("TaskComment", "task-comments") })
        {
            Assert.Contains($"### {entity}", text);
            Assert.Contains($"| GET | `{stack.CollectionRoute(resource)}` |", text);
            Assert.Contains($"| DELETE | `{stack.ItemRoute(resource)}` |", text);
        }

        Assert.Contains("docker-compose up --build", text);
        Assert.Contains(stack.Commands.Install.ShellLine + "\n", text);
        Assert.Contains(stack.Commands.Start.ShellLine + "\n", text);
        Assert.Contains(stack.Commands.Test.ShellLine + "\n", text);
        Assert.Contains($"`GET {stack.Routes.Health}`", text);
        foreach (var variable in stack.EnvironmentVariables)
        {
            Assert.Contains($"| `{variable.Name}` | {variable.Meaning} | `{variable.DevelopmentValue}` |", text);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Env_example_declares_every_variable_the_stack_reads(string type)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var text = await TestRenderers.Default().RenderAsync("shared/env.example.sbn", Model(type));
        var assigned = text.Split('\n').Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToList();

        Assert.Equal(stack.EnvironmentVariables.Select(v => v.Name), assigned);
        if (type == "django")
        {
            Assert.Contains("SECRET_KEY=development-only-insecure-key-replace-in-production", text);
            Assert.Contains("DEBUG=1", text);
            Assert.Contains("ALLOWED_HOSTS=localhost,127.0.0.1", text);
        }
    }

    [Fact]
    public async Task A_missing_template_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => TestRenderers.Default().RenderAsync("fastapi/nope.sbn", Model("fastapi")));
        Assert.Contains("fastapi/nope.sbn", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public async Task A_template_error_reports_the_line()
    {
        var directory = Directory.CreateTempSubdirectory("mge-templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "shared"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "shared", "bad.sbn"), "line one\n{{ project_nam }}\n");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "shared", "broken.sbn"), "ok\n{{ for x in }}\n");
            var renderer = TestRenderers.Over(directory.FullName);

            var unknown = await Assert.ThrowsAsync<TemplateRenderException>(() => renderer.RenderAsync("shared/bad.sbn", Model("fastapi")));
            Assert.Contains("shared/bad.sbn(2,", unknown.Message);
            Assert.Contains("project_nam", unknown.Message);

            var syntax = await Assert.ThrowsAsync<TemplateRenderException>(() => renderer.RenderAsync("shared/broken.sbn", Model("fastapi")));
            Assert.Contains("does not parse", syntax.Message);
            Assert.Contains("shared/broken.sbn(2,", syntax.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Template_names_cannot_leave_the_templates_directory()
    {
        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => TestRenderers.Default().RenderAsync("../secrets.sbn", Model("fastapi")));
        Assert.Contains("leaves the templates directory", error.Message);
    }
}
