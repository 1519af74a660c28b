using System.Text.Json.Nodes;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Tests.Infrastructure;

public sealed class StackCatalogTests
{
    [Fact]
    public void The_shipped_definitions_load_and_every_template_they_name_exists()
    {
        var renderer = TestRenderers.Default();

        Assert.Equal(["django", "express", "fastapi"], ProjectStacks.All.Select(s => s.Name));
        foreach (var stack in ProjectStacks.All)
        {
            Assert.Equal(stack, ProjectStacks.For(stack.Type));
            Assert.All(stack.InfrastructureFiles, f => Assert.True(renderer.Exists(f.TemplateName), $"{stack.Name}: {f.TemplateName} is missing"));
            Assert.Equal([stack.Routes.Health], stack.SmokeRoutes([]));
        }
    }

    [Fact]
    public void The_stacks_agree_on_secure_defaults()
    {
        foreach (var stack in ProjectStacks.All)
        {
            Assert.All(stack.EnvironmentVariables.Where(v => v.Secret), v => Assert.Null(v.Default));
            var port = stack.Variable(stack.Commands.Start.PortVariable);
            Assert.Equal(stack.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), port?.Default);
        }

        var django = ProjectStacks.For(ProjectType.Django);
        Assert.Equal(["SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "PORT"], django.EnvironmentVariables.Select(v => v.Name));
        Assert.True(django.Variable("SECRET_KEY")!.Secret);
        Assert.Equal("0", django.Variable("DEBUG")!.Default);
        Assert.Equal("0", django.Variable("DEBUG")!.ProductionValue);
        Assert.True(django.Variable("ALLOWED_HOSTS")!.RequiredInProduction);
        Assert.Equal("production", ProjectStacks.For(ProjectType.Express).Variable("NODE_ENV")!.Default);
    }

    [Fact]
    public void Test_commands_report_in_a_machine_readable_form()
    {
        var express = ProjectStacks.For(ProjectType.Express).Commands.Test;
        Assert.Equal(["node", "--test", "--test-reporter=tap"], express.Argv);
        Assert.Equal((TestReportFormat.NodeTap, TestReportLocation.Stdout), (express.Report.Format, express.Report.Location));

        var fastapi = ProjectStacks.For(ProjectType.FastApi).Commands.Test;
        Assert.Equal((TestReportFormat.JUnitXml, TestReportLocation.File, "test-results/junit.xml"), (fastapi.Report.Format, fastapi.Report.Location, fastapi.Report.Path));
        Assert.Contains("--junitxml=test-results/junit.xml", fastapi.Argv);

        var django = ProjectStacks.For(ProjectType.Django).Commands.Test;
        Assert.Equal((TestReportFormat.DjangoText, TestReportLocation.Stderr), (django.Report.Format, django.Report.Location));
    }

    [Fact]
    public void Smoke_routes_are_the_health_route_then_each_entitys_list_route()
    {
        DomainEntity[] entities = [new() { Name = "User" }, new() { Name = "TaskComment" }, new() { Name = "User" }, new() { Name = "SolicitudAdopcion", Plural = "solicitudes_adopcion" }];
        Assert.Equal(["/health", "/api/users/", "/api/task-comments/", "/api/solicitudes-adopcion/"], ProjectStacks.For(ProjectType.Django).SmokeRoutes(entities));
        Assert.Equal(["/health", "/categories"], ProjectStacks.For(ProjectType.Express).SmokeRoutes([new DomainEntity { Name = "Category" }]));
        Assert.Equal(["python3", "-c"], ProjectStacks.For(ProjectType.FastApi).Smoke.ProbeFor("http://127.0.0.1:8000/health").Take(2));
        Assert.Equal("http://127.0.0.1:8000/health", ProjectStacks.For(ProjectType.FastApi).Smoke.ProbeFor("http://127.0.0.1:8000/health")[^1]);
    }

    [Theory]
    [InlineData("fastapi", "fastapi")]
    [InlineData(" FastAPI ", "fastapi")]
    [InlineData("fast_api", "fastapi")]
    [InlineData("Fast-API", "fastapi")]
    [InlineData("DJANGO", "django")]
    [InlineData("express.js", "express")]
    [InlineData("Node.js", "express")]
    [InlineData("nodejs", "express")]
    [InlineData("node", "express")]
    public void One_parser_reads_names_and_aliases(string value, string expected)
    {
        Assert.True(ProjectTypeParser.TryParse(value, out var type, out var error), error);
        Assert.Equal(expected, type.Name);
        Assert.Equal(expected, ProjectStacks.TryFind(value)?.Name);
    }

    [Theory]
    [InlineData("rails")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_names_are_refused_with_the_accepted_ones(string? value)
    {
        Assert.False(ProjectTypeParser.TryParse(value, out _, out var error));
        Assert.Contains("django|express|fastapi", error, StringComparison.Ordinal);
        Assert.Null(ProjectTypeParser.TryParse(value));
    }

    [Fact]
    public void A_project_type_is_its_name_in_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new GenerationOptions { ProjectType = ProjectType.Express });

        Assert.Contains("\"ProjectType\":\"express\"", json, StringComparison.Ordinal);
        Assert.Equal(ProjectType.Express, System.Text.Json.JsonSerializer.Deserialize<GenerationOptions>(json)!.ProjectType);
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<GenerationOptions>("{\"ProjectType\":\"Not A Name\"}"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectStacks.For(new ProjectType("rails")));
    }

    public static TheoryData<string, Action<JsonObject>, string> Broken => new()
    {
        { "an unknown key", d => d["colour"] = "blue", "'colour' could not be mapped" },
        { "a missing key", d => d.Remove("routes"), "routes" },
        { "a secret with a default", d => d["environment_variables"]![0]!["secret"] = true, "secret 'DATABASE_URL' must have no default" },
        { "a port default that is not the start command's", d => d["commands"]!["start"]!["default_port"] = 9000, "PORT defaults to '8000' but the start command's default port is 9000" },
        { "an undeclared port variable", d => d["commands"]!["start"]!["port_variable"] = "HTTP_PORT", "port variable HTTP_PORT is not among the environment variables" },
        { "a layout path leaving the workspace", d => d["layout"]!["models"]!["path"] = "../models/{entity}.py", "layout path '../models/{entity}.py'" },
        { "an unknown placeholder", d => d["layout"]!["routes"]!["path"] = "app/routers/{resource}.py", "placeholder" },
        { "a report file the test command does not name", d => d["commands"]!["test"]!["report"]!["path"] = "reports/junit.xml", "does not name its report file 'reports/junit.xml'" },
        { "a manifest the phase does not own", d => d["infrastructure_files"]![3]!["owned"] = false, "manifest requirements.txt must be an owned infrastructure file" },
        { "an empty probe", d => d["smoke"]!["probe_argv"] = new JsonArray(), "probe_argv needs a non-empty argv" },
        { "an unknown report format", d => d["commands"]!["test"]!["report"]!["format"] = "xunit", "TestReportFormat" },
        { "a base image of another version", d => d["base_image"] = "python:3.11-slim", "does not name language_version '3.12'" },
        { "an unknown language", d => d["language"] = "cobol", "'cobol' is not a language" },
        { "a malformed name", d => d["name"] = "Fast API", "name 'Fast API' must be lower case" },
        { "a request pattern that does not compile", d => d["request_patterns"] = new JsonArray("(unclosed"), "is not a regular expression" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_definition_is_refused_with_what_is_wrong(string what, Action<JsonObject> breakIt, string expected)
    {
        var definition = StackDefinitions.Node("fastapi");
        breakIt(definition);

        var error = StackDefinitions.LoadError(("fastapi.json", definition));

        Assert.True(error is not null, $"{what} was accepted");
        Assert.Contains("fastapi.json", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stacks_cannot_claim_the_same_name_or_alias_and_a_file_is_named_after_its_stack()
    {
        var other = StackDefinitions.Node("django");
        other["aliases"] = new JsonArray("Fast_API");
        var collision = StackDefinitions.LoadError(("fastapi.json", StackDefinitions.Node("fastapi")), ("django.json", other));
        Assert.Contains("the name 'fastapi' is claimed by django and fastapi", collision, StringComparison.OrdinalIgnoreCase);

        var misnamed = StackDefinitions.LoadError(("flask.json", StackDefinitions.Node("fastapi")));
        Assert.Contains("must be named fastapi.json", misnamed, StringComparison.Ordinal);

        var empty = Assert.Throws<StackDefinitionException>(() => StackCatalog.Load([]));
        Assert.Contains("no stack definition", empty.Message, StringComparison.Ordinal);
    }
}
