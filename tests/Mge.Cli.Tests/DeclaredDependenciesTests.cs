using Mge.Cli.CodeIntelligence;

namespace Mge.Cli.Tests;

public sealed class DeclaredDependenciesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Requirements_keep_requirement_lines_and_drop_comments_and_options()
    {
        var lines = DeclaredDependencies.ParseRequirements("# web\nfastapi>=0.110  # the framework\n\n-r dev.txt\nuvicorn[standard]\n--index-url https://x\n");

        Assert.Equal(["fastapi>=0.110", "uvicorn[standard]"], lines);
    }

    [Fact]
    public void PyProject_reads_the_project_dependencies_array_only()
    {
        const string toml = """
            [build-system]
            requires = ["setuptools"]

            [project]
            name = "demo"
            dependencies = [
                "fastapi>=0.110", # web
                'sqlalchemy[asyncio]',
            ]

            [project.optional-dependencies]
            dev = ["pytest"]
            """;

        Assert.Equal(["fastapi>=0.110", "sqlalchemy[asyncio]"], DeclaredDependencies.ParsePyProjectDependencies(toml));
    }

    [Fact]
    public void PyProject_reads_a_single_line_array()
    {
        Assert.Equal(["django", "gunicorn"], DeclaredDependencies.ParsePyProjectDependencies("[project]\ndependencies = [\"django\", \"gunicorn\"]\n"));
    }

    [Fact]
    public void Package_json_reads_dependencies_and_dev_dependencies()
    {
        var names = DeclaredDependencies.ParsePackageJson("""{"dependencies":{"express":"^4"},"devDependencies":{"supertest":"^6"}}""", "package.json");

        Assert.Equal(["express", "supertest"], names);
    }

    [Fact]
    public void Malformed_package_json_is_a_usage_error_naming_the_file()
    {
        var ex = Assert.Throws<CliUsageException>(() => DeclaredDependencies.ParsePackageJson("{ not json", "/p/package.json").ToList());

        Assert.Contains("/p/package.json", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_combines_every_file_present()
    {
        temp.Write("requirements.txt", "fastapi\n");
        temp.Write("package.json", """{"dependencies":{"express":"4"}}""");

        var dependencies = await DeclaredDependencies.ReadAsync(temp.Path, CancellationToken.None);

        Assert.Equal(["fastapi", "express"], dependencies);
    }
}
