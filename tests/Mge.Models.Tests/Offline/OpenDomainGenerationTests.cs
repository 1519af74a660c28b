using Mge.Pipeline.Domain;

namespace Mge.Models.Tests.Offline;

/// <summary>
/// Projects for domains outside the offline model's vocabulary, generated task by task through the model and
/// checked with Node and CPython as oracles: the request's own nouns become modules, tables and routes.
/// </summary>
public sealed class OpenDomainGenerationTests
{
    [Fact]
    public async Task Beekeeping_Express_project_has_a_route_and_test_per_entity_and_passes_node_check()
    {
        using var project = await GeneratedProject.CreateAsync(OpenDomainDiscoveryTests.Beekeeping, ProjectType.Express);
        var javascript = project.Files.Keys.Where(p => p.EndsWith(".js", StringComparison.Ordinal)).ToList();

        foreach (var plural in new[] { "hives", "apiaries", "harvests", "beekeepers" })
        {
            Assert.Contains($"src/routes/{plural}.js", javascript);
            Assert.Contains($"test/{plural}.test.js", javascript);
            Assert.Contains($"app.use(\"/{plural}\"", project.Files["src/app.js"]);
        }

        Assert.Contains("src/models/apiary.js", javascript);
        AssertClean(await ProjectOracles.CheckJavaScriptSyntaxAsync(project.Root, javascript));
        AssertClean(await ProjectOracles.CheckJavaScriptRequiresAsync(project.Root, javascript, ["express"]));
    }

    [Fact]
    public async Task Protectora_FastApi_project_uses_Spanish_tables_and_compiles()
    {
        using var project = await GeneratedProject.CreateAsync(OpenDomainDiscoveryTests.Protectora, ProjectType.FastApi);
        var python = project.Files.Keys.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToList();

        Assert.Contains("app/models/solicitud_adopcion.py", python);
        Assert.Contains("class SolicitudAdopcion(Base):", project.Files["app/models/solicitud_adopcion.py"]);
        Assert.Contains("__tablename__ = \"solicitudes_adopcion\"", project.Files["app/models/solicitud_adopcion.py"]);
        foreach (var plural in new[] { "animales", "adoptantes", "solicitudes_adopcion", "visitas" })
        {
            Assert.Contains($"app/routers/{plural}.py", python);
            Assert.Contains($"tests/test_{plural}.py", python);
        }

        AssertClean(await ProjectOracles.CompilePythonAsync(project.Root, python));
        AssertClean(await ProjectOracles.CheckPythonImportsAsync(project.Root, python, ["fastapi", "uvicorn", "sqlalchemy", "pydantic", "httpx", "pytest"]));
    }

    [Fact]
    public async Task Protectora_Django_project_compiles()
    {
        using var project = await GeneratedProject.CreateAsync(OpenDomainDiscoveryTests.Protectora, ProjectType.Django);
        var python = project.Files.Keys.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToList();

        Assert.Contains("class SolicitudAdopcion(models.Model):", project.Files["api/models.py"]);
        Assert.Contains("\"solicitudes-adopcion/\"", project.Files["api/urls.py"]);
        AssertClean(await ProjectOracles.CompilePythonAsync(project.Root, python));
        AssertClean(await ProjectOracles.CheckPythonImportsAsync(project.Root, python, ["django", "gunicorn"]));
    }

    /// <summary>Every open-domain request in every stack: the writers accept any name discovery gives them.</summary>
    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(OpenDomainDiscoveryTests.OpenDomainRequests), MemberType = typeof(OpenDomainDiscoveryTests))]
    public async Task Every_open_domain_request_generates_valid_code_in_every_stack(string request, string[] classNames, string[] plurals)
    {
        foreach (var type in new[] { ProjectType.FastApi, ProjectType.Django, ProjectType.Express })
        {
            using var project = await GeneratedProject.CreateAsync(request, type);
            Assert.Equal(classNames.Length, project.Discovery.Entities.Count());
            if (type == ProjectType.Express)
            {
                var javascript = project.Files.Keys.Where(p => p.EndsWith(".js", StringComparison.Ordinal)).ToList();
                Assert.All(plurals, plural => Assert.Contains($"src/routes/{plural}.js", javascript));
                AssertClean(await ProjectOracles.CheckJavaScriptSyntaxAsync(project.Root, javascript));
                AssertClean(await ProjectOracles.CheckJavaScriptRequiresAsync(project.Root, javascript, ["express"]));
            }
            else
            {
                var python = project.Files.Keys.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToList();
                AssertClean(await ProjectOracles.CompilePythonAsync(project.Root, python));
                AssertClean(await ProjectOracles.CheckPythonImportsAsync(project.Root, python,
                    type == ProjectType.Django ? ["django", "gunicorn"] : ["fastapi", "uvicorn", "sqlalchemy", "pydantic", "httpx", "pytest"]));
            }
        }
    }

    private static void AssertClean(string problems) => Assert.True(problems.Length == 0, problems);
}
