using Mge.Pipeline.Domain;
using Mge.Testing;

namespace Mge.Models.Tests.Offline;

/// <summary>Generates every file of a plan through the model and checks the project with CPython and Node as oracles.</summary>
public sealed class ProjectGenerationTests
{
    private const string TaskRequest = "Create a REST API for task management with users, tasks, and comments";
    private const string ShopRequest = "Create an API for an online store with categories, products, customers, orders and reviews";
    private const string LibraryRequest = "Crea una API REST para gestionar una biblioteca con libros, autores y préstamos";

    private static readonly string[] FastApiRequirements = ["fastapi", "uvicorn", "sqlalchemy", "pydantic", "httpx", "pytest"];
    private static readonly string[] DjangoRequirements = ["django", "gunicorn"];

    [Theory]
    [InlineData(TaskRequest)]
    [InlineData(ShopRequest)]
    [InlineData(LibraryRequest)]
    public async Task FastApi_project_compiles_and_imports_only_known_modules(string request)
    {
        using var project = await GeneratedProject.CreateAsync(request, ProjectType.FastApi);
        var python = project.Files.Keys.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToList();

        Assert.Contains("app/main.py", python);
        Assert.Contains("tests/conftest.py", python);
        AssertClean(await ProjectOracles.CompilePythonAsync(project.Root, python));
        AssertClean(await ProjectOracles.CheckPythonImportsAsync(project.Root, python, FastApiRequirements));
    }

    [Fact]
    public async Task FastApi_project_uses_SQLAlchemy_2_pydantic_2_and_an_isolated_test_database()
    {
        using var project = await GeneratedProject.CreateAsync(TaskRequest, ProjectType.FastApi);

        Assert.Contains("class Base(DeclarativeBase):", project.Files["app/database.py"]);
        Assert.Contains("os.getenv(\"DATABASE_URL\"", project.Files["app/database.py"]);
        Assert.Contains("user_id: Mapped[int] = mapped_column(ForeignKey(\"users.id\")", project.Files["app/models/task.py"]);
        Assert.Contains("comments: Mapped[list[\"Comment\"]] = relationship(back_populates=\"task\"", project.Files["app/models/task.py"]);
        Assert.Contains("model_config = ConfigDict(from_attributes=True)", project.Files["app/schemas/task.py"]);
        Assert.Contains("poolclass=StaticPool", project.Files["tests/conftest.py"]);
        Assert.Contains("app.dependency_overrides[get_db]", project.Files["tests/conftest.py"]);
        Assert.Contains("app = FastAPI(", project.Files["app/main.py"]);
        Assert.Contains("app.include_router(comments.router)", project.Files["app/main.py"]);
    }

    [Theory]
    [InlineData(TaskRequest)]
    [InlineData(ShopRequest)]
    public async Task Django_project_compiles_and_imports_only_known_modules(string request)
    {
        using var project = await GeneratedProject.CreateAsync(request, ProjectType.Django);
        var python = project.Files.Keys.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToList();

        Assert.Contains("\"api\",", project.Files["config/settings.py"]);
        Assert.Contains("django.db.backends.sqlite3", project.Files["config/settings.py"]);
        Assert.Contains("@csrf_exempt", project.Files["api/views.py"]);
        Assert.Contains("models.ForeignKey(", project.Files["api/models.py"]);
        Assert.Contains("class ApiTestCase(TestCase):", project.Files["api/tests.py"]);
        AssertClean(await ProjectOracles.CompilePythonAsync(project.Root, python));
        AssertClean(await ProjectOracles.CheckPythonImportsAsync(project.Root, python, DjangoRequirements));
    }

    [Theory]
    [InlineData(TaskRequest)]
    [InlineData(ShopRequest)]
    public async Task Express_project_passes_node_check_and_requires_only_known_modules(string request)
    {
        using var project = await GeneratedProject.CreateAsync(request, ProjectType.Express);
        var javascript = project.Files.Keys.Where(p => p.EndsWith(".js", StringComparison.Ordinal)).ToList();

        Assert.Contains("src/app.js", javascript);
        AssertClean(await ProjectOracles.CheckJavaScriptSyntaxAsync(project.Root, javascript));
        AssertClean(await ProjectOracles.CheckJavaScriptRequiresAsync(project.Root, javascript, ["express"]));
    }

    private static void AssertClean(string problems) => Assert.True(problems.Length == 0, problems);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Express_project_tests_pass_after_npm_install()
    {
        using var project = await GeneratedProject.CreateAsync(ShopRequest, ProjectType.Express);
        // The manifest the stack definition pins (the infrastructure phase writes the same one).
        var blueprint = Mge.Models.Offline.Blueprint.BlueprintBuilder.Build(project.Discovery, ProjectType.Express);
        await File.WriteAllTextAsync(Path.Combine(project.Root, "package.json"), Mge.Models.Offline.Stacks.UnplannedFile.Write(blueprint, "package.json", null));

        var (installExit, installOutput) = await ExternalProcess.RunAsync("npm", ["install", "--no-audit", "--no-fund"], project.Root, TimeSpan.FromMinutes(5));
        Assert.True(installExit == 0, installOutput);
        var (testExit, testOutput) = await ExternalProcess.RunAsync("npm", ["test"], project.Root, TimeSpan.FromMinutes(3));
        Assert.True(testExit == 0, testOutput);
        // The test command reports TAP on stdout: a plan line, one "ok" per test, the totals.
        Assert.Matches(@"(?m)^1\.\.[1-9][0-9]*$", testOutput);
        Assert.Matches(@"(?m)^# pass [1-9][0-9]*$", testOutput);
        Assert.Contains("# fail 0", testOutput);
    }
}
