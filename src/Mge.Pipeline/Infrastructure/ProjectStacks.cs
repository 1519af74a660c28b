using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Infrastructure;

/// <summary>The three stacks MGE generates (the team's fixed conventions), looked up by project type or name.</summary>
public static class ProjectStacks
{
    private static readonly IReadOnlyList<InfrastructureFile> PythonFiles =
    [
        new("{0}/Dockerfile.sbn", "Dockerfile"),
        new("shared/docker-compose.yml.sbn", "docker-compose.yml"),
        new("shared/env.example.sbn", ".env.example"),
        new("shared/requirements.txt.sbn", "requirements.txt"),
        new("shared/README.md.sbn", "README.md"),
        new("shared/python.gitignore.sbn", ".gitignore"),
        new("shared/dockerignore.sbn", ".dockerignore"),
    ];

    // Python projects install into a fresh venv in the workspace; pip gives up at once when no index answers.
    private static readonly string[] PythonInstall =
        ["/bin/sh", "-c", "python3 -m venv .venv && .venv/bin/pip install --retries 0 --timeout 15 -r requirements.txt"];

    private static readonly string[] PythonProbe =
    [
        ".venv/bin/python",
        "-c",
        "import sys, urllib.request, urllib.error\n"
            + "try:\n    r = urllib.request.urlopen(sys.argv[1], timeout=10)\n    print(r.status); sys.stdout.write(r.read().decode('utf-8', 'replace'))\n"
            + "except urllib.error.HTTPError as e:\n    print(e.code); sys.stdout.write(e.read().decode('utf-8', 'replace'))\n"
            + "except Exception as e:\n    print(e, file=sys.stderr); sys.exit(1)\n",
    ];

    private static readonly string[] PipIndexUnreachable =
        ["(from versions: none)", "Failed to establish a new connection", "Temporary failure in name resolution", "Network is unreachable"];

    public static ProjectStack FastApi { get; } = new()
    {
        Type = ProjectType.FastApi,
        Name = "fastapi",
        Language = SourceLanguage.Python,
        BaseImage = "python:3.12-slim",
        Dependencies = ["fastapi", "uvicorn[standard]", "sqlalchemy", "pydantic", "httpx", "pytest"],
        DependencyVersions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fastapi"] = ">=0.110,<1.0",
            ["uvicorn[standard]"] = ">=0.29,<1.0",
            ["sqlalchemy"] = ">=2.0,<3.0",
            ["pydantic"] = ">=2.5,<3.0",
            ["httpx"] = ">=0.27,<1.0",
            ["pytest"] = ">=8.0,<9.0",
        },
        RunCommand = ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"],
        TestCommand = ["pytest"],
        Port = 8000,
        EntryModule = "app.main:app",
        HealthPath = "/docs",
        CollectionRoutePattern = "/{resource}",
        ItemRoutePattern = "/{resource}/{id}",
        EnvironmentVariables =
        [
            new("DATABASE_URL", "sqlite:///./app.db", "SQLAlchemy database URL (sqlite by default; postgresql://user:password@host:5432/db in production)"),
            new("PORT", "8000", "Port the API listens on"),
        ],
        UsesDatabase = true,
        Verification = new()
        {
            InstallCommand = PythonInstall,
            TestCommand = [".venv/bin/python", "-m", "pytest", "-q", "--junitxml=.mge-test-report.xml"],
            TestEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DATABASE_URL"] = "sqlite:///./test.db" },
            TestReportFormat = TestReportFormat.JUnitXml,
            TestReportFile = ".mge-test-report.xml",
            StartCommand = [".venv/bin/python", "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", SmokeStep.PortPlaceholder],
            StartEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DATABASE_URL"] = "sqlite:///./app.db", ["PORT"] = SmokeStep.PortPlaceholder },
            ProbeCommand = PythonProbe,
            IndexUnreachableMarkers = PipIndexUnreachable,
        },
        InfrastructureFiles = Expand(PythonFiles, "fastapi"),
    };

    public static ProjectStack Django { get; } = new()
    {
        Type = ProjectType.Django,
        Name = "django",
        Language = SourceLanguage.Python,
        BaseImage = "python:3.12-slim",
        Dependencies = ["Django", "gunicorn"],
        DependencyVersions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Django"] = ">=5.0,<6.0",
            ["gunicorn"] = ">=22.0,<24.0",
        },
        RunCommand = ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"],
        TestCommand = ["python", "manage.py", "test"],
        Port = 8000,
        EntryModule = "config.wsgi:application",
        HealthPath = null,
        CollectionRoutePattern = "/api/{resource}/",
        ItemRoutePattern = "/api/{resource}/{id}/",
        EnvironmentVariables =
        [
            new("SECRET_KEY", "change-me-to-a-long-random-string", "Django's cryptographic signing key; set a secret value in production"),
            new("DEBUG", "1", "1 for development error pages, 0 in production"),
            new("ALLOWED_HOSTS", "localhost,127.0.0.1", "Comma-separated host names the app serves"),
            new("DATABASE_URL", "sqlite:///db.sqlite3", "Database URL (sqlite by default)"),
            new("PORT", "8000", "Port gunicorn binds to"),
        ],
        UsesDatabase = true,
        Verification = new()
        {
            InstallCommand = PythonInstall,
            TestCommand = [".venv/bin/python", "manage.py", "test", "-v", "2"],
            TestEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["SECRET_KEY"] = "verification-only", ["DEBUG"] = "0", ["ALLOWED_HOSTS"] = "localhost,127.0.0.1" },
            TestReportFormat = TestReportFormat.DjangoText,
            StartCommand = [".venv/bin/python", "-m", "gunicorn", "config.wsgi:application", "--bind", "127.0.0.1:" + SmokeStep.PortPlaceholder],
            StartEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["SECRET_KEY"] = "verification-only", ["DEBUG"] = "0", ["ALLOWED_HOSTS"] = "localhost,127.0.0.1", ["PORT"] = SmokeStep.PortPlaceholder },
            ProbeCommand = PythonProbe,
            IndexUnreachableMarkers = PipIndexUnreachable,
        },
        InfrastructureFiles = Expand(PythonFiles, "django"),
    };

    public static ProjectStack Express { get; } = new()
    {
        Type = ProjectType.Express,
        Name = "express",
        Language = SourceLanguage.JavaScript,
        BaseImage = "node:20-slim",
        Dependencies = ["express"],
        DependencyVersions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["express"] = "^4.19.2",
        },
        RunCommand = ["node", "src/server.js"],
        TestCommand = ["node", "--test"],
        Port = 3000,
        EntryModule = "src/server.js",
        HealthPath = null,
        CollectionRoutePattern = "/api/{resource}",
        ItemRoutePattern = "/api/{resource}/{id}",
        EnvironmentVariables =
        [
            new("PORT", "3000", "Port the server listens on"),
            new("NODE_ENV", "development", "development or production"),
        ],
        UsesDatabase = false,
        Verification = new()
        {
            InstallCommand = ["npm", "install", "--no-audit", "--no-fund"],
            // The stack's own test command: Node's runner writes TAP when its output is a pipe.
            TestCommand = ["node", "--test"],
            TestEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["NODE_ENV"] = "test" },
            TestReportFormat = TestReportFormat.NodeTap,
            StartCommand = ["node", "src/server.js"],
            StartEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PORT"] = SmokeStep.PortPlaceholder, ["NODE_ENV"] = "production" },
            ProbeCommand =
            [
                "node",
                "-e",
                "fetch(process.argv[1]).then(async (r) => { console.log(r.status); process.stdout.write(await r.text()); })"
                    + ".catch((e) => { console.error(String(e.cause ?? e)); process.exit(1); })",
            ],
            IndexUnreachableMarkers = ["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH"],
        },
        InfrastructureFiles =
        [
            new("express/Dockerfile.sbn", "Dockerfile"),
            new("shared/docker-compose.yml.sbn", "docker-compose.yml"),
            new("shared/env.example.sbn", ".env.example"),
            new("express/package.json.sbn", "package.json"),
            new("shared/README.md.sbn", "README.md"),
            new("shared/node.gitignore.sbn", ".gitignore"),
            new("shared/dockerignore.sbn", ".dockerignore"),
        ],
    };

    /// <summary>Every stack, in <see cref="ProjectType"/> order.</summary>
    public static IReadOnlyList<ProjectStack> All { get; } = [FastApi, Django, Express];

    /// <summary>The stack of a project type.</summary>
    public static ProjectStack For(ProjectType type) => type switch
    {
        ProjectType.FastApi => FastApi,
        ProjectType.Django => Django,
        ProjectType.Express => Express,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"No stack is defined for project type {type}."),
    };

    /// <summary>The stack named "fastapi", "django" or "express" (case-insensitive), or null.</summary>
    public static ProjectStack? TryFind(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<InfrastructureFile> Expand(IReadOnlyList<InfrastructureFile> files, string stackFolder) =>
        files.Select(f => f with { TemplateName = string.Format(System.Globalization.CultureInfo.InvariantCulture, f.TemplateName, stackFolder) }).ToList();
}
