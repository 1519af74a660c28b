using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Planning;
using Mge.Pipeline.Prompting;
using Mge.Testing;

namespace Mge.Pipeline.Tests.Infrastructure;

/// <summary>
/// Adding a stack is one definition plus its templates: a "flask" definition and a Dockerfile template, and
/// nothing else, go through the parser, the request detector, the prompts' conventions, the plan check and
/// every infrastructure template, README included. The consumers enumerate the definitions; none names the
/// three shipped stacks (the last tests read the consumers' templates and sources to make sure).
/// </summary>
public sealed partial class FourthStackTests : IDisposable
{
    private readonly DirectoryInfo _templates = Directory.CreateTempSubdirectory("mge-fourth-stack-");
    private readonly StackCatalog _catalog;
    private readonly ProjectStack _flask;

    public FourthStackTests()
    {
        CopyDirectory(TestRenderers.Default().TemplatesDirectory, _templates.FullName);
        Directory.CreateDirectory(Path.Combine(_templates.FullName, "flask"));
        File.WriteAllText(
            Path.Combine(_templates.FullName, "flask", "Dockerfile.sbn"),
            File.ReadAllText(Path.Combine(_templates.FullName, "fastapi", "Dockerfile.sbn")).Replace("FastAPI service image", "Flask service image", StringComparison.Ordinal));

        _catalog = StackCatalog.Load([.. StackDefinitions.Shipped(), ("flask.json", Flask().ToJsonString())]);
        _flask = _catalog.For(new ProjectType("flask"));
    }

    public void Dispose() => _templates.Delete(recursive: true);

    [Fact]
    public void The_parser_and_the_detector_know_it_by_its_definition()
    {
        Assert.True(_catalog.TryParse("Flask_API", out var type, out _));
        Assert.Equal("flask", type.Name);
        Assert.Equal(type, _catalog.Detect("Una API con Flask para una biblioteca"));
        Assert.Equal("django|express|fastapi|flask", _catalog.AcceptedNames);
    }

    [Fact]
    public async Task Every_infrastructure_template_renders_it_from_its_facts()
    {
        var renderer = TestRenderers.Over(_templates.FullName);
        var model = InfrastructureModelBuilder.Build(_flask, SampleProjects.Discovery("flask"), SampleProjects.Plan("flask"), ["wsgi.py", "app/__init__.py"]);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in _flask.InfrastructureFiles)
        {
            files[file.OutputPath] = await renderer.RenderAsync(file.TemplateName, model);
        }

        Assert.Contains("Flask service image", files["Dockerfile"], StringComparison.Ordinal);
        Assert.Contains("CMD [\"sh\", \"-c\", \"exec gunicorn wsgi:app --bind \\\"0.0.0.0:${PORT:-5000}\\\"\"]", files["Dockerfile"], StringComparison.Ordinal);
        Assert.Contains("\"http://127.0.0.1:${PORT:-5000}/healthz\"", files["Dockerfile"], StringComparison.Ordinal);
        Assert.Contains("\"${PORT:-5000}:${PORT:-5000}\"", files["docker-compose.yml"], StringComparison.Ordinal);
        Assert.DoesNotContain("postgres", files["docker-compose.yml"], StringComparison.Ordinal);
        Assert.Contains("FLASK_SECRET=dev-only\n", files[".env.example"], StringComparison.Ordinal);
        Assert.Equal(["Flask>=3.0,<4.0", "gunicorn>=22.0,<24.0", "", "# Tests", "pytest>=8.0,<9.0"], files["requirements.txt"].Split('\n', StringSplitOptions.TrimEntries)[1..^1]);
        Assert.Contains("- Flask with SQLAlchemy 2, served by gunicorn", files["README.md"], StringComparison.Ordinal);
        Assert.Contains("| GET | `/v1/task-comments` |", files["README.md"], StringComparison.Ordinal);
        Assert.Contains("python -m pytest --junitxml=reports/junit.xml", files["README.md"], StringComparison.Ordinal);
        Assert.Contains("instance/\n", files[".gitignore"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_prompts_offer_it_and_carry_its_conventions()
    {
        var builder = new PromptBuilder(new PromptTemplates(Path.Combine(_templates.FullName, PromptTemplates.FolderName)), _catalog);
        var discovery = SampleProjects.Discovery("flask");

        Assert.Contains("\"project_type\": \"django | express | fastapi | flask\"", builder.Discovery("A Flask API", null)[0].Text, StringComparison.Ordinal);
        Assert.Contains("Django, Express, FastAPI or Flask", builder.Chat("hello")[0].Text, StringComparison.Ordinal);
        var planning = builder.MasterPlan("A Flask API", _flask.Type, discovery)[1].Text;
        var code = builder.Code(new ProjectPrompt("A Flask API", _flask.Type, discovery, []), new PlanTask { Number = 1, Name = "App" }, [])[1].Text;
        foreach (var text in new[] { planning, code })
        {
            Assert.Contains("Conventions of the project type flask (Flask)", text, StringComparison.Ordinal);
            Assert.Contains("  - wsgi.py: creates the app for gunicorn", text, StringComparison.Ordinal);
            Assert.Contains("  - app/blueprints/{entities}.py:", text, StringComparison.Ordinal);
            Assert.Contains("  - FLASK_SECRET:", text, StringComparison.Ordinal);
            Assert.Contains("GET /healthz", text, StringComparison.Ordinal);
            Assert.Contains("  - TaskComment: /v1/task-comments (GET lists, POST creates), /v1/task-comments/{id}", text, StringComparison.Ordinal);
            Assert.Contains("`python -m pytest --junitxml=reports/junit.xml`", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_plan_check_holds_it_to_its_layout()
    {
        var plan = new MasterPlan
        {
            ProjectName = "p",
            ProjectType = "flask",
            Phases = [new PlanPhase { Name = "A", Milestones = [new PlanMilestone { Name = "M", Tasks =
            [
                new PlanTask { Number = 1, Name = "App", TargetFiles = ["app/__init__.py", "wsgi.py", "Dockerfile"] },
                new PlanTask { Number = 2, Name = "Tests", TargetFiles = ["tests/test_users.py"], DependsOn = [1] },
            ] }] }],
        };

        var check = PlanValidator.Check(plan, _flask);
        Assert.Null(check.Problem);
        Assert.Equal(["app/__init__.py", "wsgi.py"], check.Plan!.Tasks.First().TargetFiles);
        Assert.Contains(check.Notes, n => n.Contains("dropped target file 'Dockerfile'", StringComparison.Ordinal));

        var withoutEntryPoint = plan with { Phases = [plan.Phases[0] with { Milestones = [plan.Phases[0].Milestones[0] with { Tasks = [plan.Tasks.Last()] }] }] };
        Assert.Contains("wsgi.py (creates the app for gunicorn)", PlanValidator.Check(withoutEntryPoint, _flask).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_and_prompt_templates_never_name_a_stack()
    {
        var names = ProjectStacks.All.SelectMany(s => s.Aliases.Append(s.Name).Append(s.DisplayName)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var directory = TestRenderers.Default().TemplatesDirectory;
        var templates = Directory.EnumerateFiles(Path.Combine(directory, "shared"), "*.sbn")
            .Concat(Directory.EnumerateFiles(Path.Combine(directory, PromptTemplates.FolderName), "*.sbn", SearchOption.AllDirectories));
        foreach (var path in templates)
        {
            var text = File.ReadAllText(path);
            foreach (var name in names)
            {
                Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase), $"{Path.GetRelativePath(directory, path)} names the stack '{name}': read it from the definition instead");
            }
        }
    }

    [Fact]
    public void The_consumers_code_never_names_a_shipped_stack()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "Mge.Pipeline");
        var consumers = new[] { "Infrastructure", "Planning", "Prompting", "Requests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs"))
            .ToList();
        Assert.NotEmpty(consumers);
        var literal = new Regex($"ProjectType\\.(FastApi|Django|Express)\\b|\"({string.Join('|', ProjectStacks.All.Select(s => Regex.Escape(s.Name)))})\"", RegexOptions.IgnoreCase);
        foreach (var path in consumers)
        {
            // Examples in comments are documentation, not a consumer naming a stack.
            var code = string.Join('\n', File.ReadLines(path).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            var match = literal.Match(code);
            Assert.False(match.Success, $"{Path.GetRelativePath(RepositoryPaths.Root, path)} names a stack ({match.Value}): enumerate ProjectStacks instead");
        }
    }

    /// <summary>A fourth stack: Flask with an application factory, its own routes, port, variables and report path.</summary>
    private static JsonObject Flask()
    {
        var flask = StackDefinitions.Node("fastapi");
        flask["name"] = "flask";
        flask["display_name"] = "Flask";
        flask["aliases"] = new JsonArray("flask-api");
        flask["request_patterns"] = new JsonArray(@"\bflask\b");
        flask["summary"] = new JsonArray("Flask with SQLAlchemy 2, served by gunicorn", "tests with pytest");
        flask["conventions"] = new JsonArray("an application factory create_app() in app/__init__.py");
        flask["layout"] = JsonNode.Parse("""
            {
              "entry_point": { "path": "wsgi.py", "holds": "creates the app for gunicorn" },
              "app": { "path": "app/__init__.py", "holds": "create_app(): registers every blueprint and the health route" },
              "models": { "path": "app/models/{entity}.py", "holds": "one model per entity" },
              "routes": { "path": "app/blueprints/{entities}.py", "holds": "one blueprint per entity" },
              "tests": { "path": "tests/test_{entities}.py", "holds": "pytest tests per entity" }
            }
            """);
        flask["packages"] = JsonNode.Parse("""[{ "name": "Flask", "version": ">=3.0,<4.0" }, { "name": "gunicorn", "version": ">=22.0,<24.0" }, { "name": "pytest", "version": ">=8.0,<9.0", "dev": true }]""");
        flask["environment_variables"] = JsonNode.Parse("""
            [
              { "name": "FLASK_SECRET", "meaning": "Signing key", "development_value": "dev-only", "required_in_production": true, "secret": true },
              { "name": "PORT", "meaning": "Port", "development_value": "5000", "default": "5000" }
            ]
            """);
        flask["routes"] = JsonNode.Parse("""{ "health": "/healthz", "collection": "/v1/{resource}", "item": "/v1/{resource}/{id}" }""");
        flask["commands"]!["test"] = JsonNode.Parse("""{ "argv": ["python", "-m", "pytest", "--junitxml=reports/junit.xml"], "report": { "format": "junit-xml", "location": "file", "path": "reports/junit.xml" } }""");
        flask["commands"]!["start"] = JsonNode.Parse("""{ "argv": ["sh", "-c", "exec gunicorn wsgi:app --bind \"0.0.0.0:${PORT:-5000}\""], "port_variable": "PORT", "default_port": 5000 }""");
        flask.Remove("database");
        flask["ignored_paths"] = new JsonArray("__pycache__/", "instance/");
        var files = flask["infrastructure_files"]!.AsArray();
        files[0]!["template_name"] = "flask/Dockerfile.sbn";
        return JsonSerializer.Deserialize<JsonObject>(flask.ToJsonString())!;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
