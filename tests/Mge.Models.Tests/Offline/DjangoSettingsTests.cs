using System.Text.Json;
using Mge.Pipeline.Domain;
using Mge.Testing;

namespace Mge.Models.Tests.Offline;

/// <summary>
/// The generated Django settings under CPython, with a stand-in for django.core.exceptions (Django itself is
/// not installed here): no default secret, DEBUG off unless turned on, hosts required when DEBUG is off, the
/// database from DATABASE_URL. The variable names are the ones .env.example and compose set.
/// </summary>
public sealed class DjangoSettingsTests
{
    private const string Request = "Create a Django REST API for task management with users, tasks, and comments";

    private const string Script = """
        import importlib, json, os, sys
        sys.path.insert(0, sys.argv[1])
        sys.path.insert(0, os.getcwd())
        results = []
        for environment in json.loads(sys.argv[2]):
            for name in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL"):
                os.environ.pop(name, None)
            os.environ.update(environment)
            sys.modules.pop("config.settings", None)
            try:
                settings = importlib.import_module("config.settings")
                results.append({"debug": settings.DEBUG, "hosts": settings.ALLOWED_HOSTS, "database": settings.DATABASES["default"], "key": settings.SECRET_KEY})
            except Exception as error:
                results.append({"error": type(error).__name__, "message": str(error)})
        print(json.dumps(results))
        """;

    [Fact]
    public async Task Settings_have_no_default_secret_keep_debug_off_and_require_hosts_in_production()
    {
        using var project = await GeneratedProject.CreateAsync(Request, ProjectType.Django);
        var stub = Directory.CreateTempSubdirectory("mge-django-stub-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(stub, "django", "core"));
            await File.WriteAllTextAsync(Path.Combine(stub, "django", "__init__.py"), "");
            await File.WriteAllTextAsync(Path.Combine(stub, "django", "core", "__init__.py"), "");
            await File.WriteAllTextAsync(Path.Combine(stub, "django", "core", "exceptions.py"), "class ImproperlyConfigured(Exception):\n    pass\n");
            var scenarios = new Dictionary<string, string>[]
            {
                new(),
                new() { ["SECRET_KEY"] = "k" },
                new() { ["SECRET_KEY"] = "k", ["ALLOWED_HOSTS"] = "api.example.com" },
                new() { ["SECRET_KEY"] = "k", ["DEBUG"] = "1" },
                new() { ["SECRET_KEY"] = "k", ["DEBUG"] = "0", ["ALLOWED_HOSTS"] = "a.example, b.example", ["DATABASE_URL"] = "postgresql://app:p%40ss@db:5432/tasks" },
                new() { ["SECRET_KEY"] = "k", ["DEBUG"] = "1", ["DATABASE_URL"] = "mysql://db/x" },
            };

            var (exit, output) = await ExternalProcess.RunAsync("python3", ["-c", Script, stub, JsonSerializer.Serialize(scenarios)], project.Root, TimeSpan.FromMinutes(1));

            Assert.True(exit == 0, output);
            var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
            Assert.Equal("ImproperlyConfigured", results[0].GetProperty("error").GetString());
            Assert.StartsWith("SECRET_KEY is not set", results[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("ImproperlyConfigured", results[1].GetProperty("error").GetString());
            Assert.StartsWith("ALLOWED_HOSTS is not set", results[1].GetProperty("message").GetString(), StringComparison.Ordinal);

            Assert.False(results[2].GetProperty("debug").GetBoolean());
            Assert.Equal(["api.example.com", "localhost", "127.0.0.1"], results[2].GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
            Assert.Equal("db.sqlite3", results[2].GetProperty("database").GetProperty("NAME").GetString());

            Assert.True(results[3].GetProperty("debug").GetBoolean());
            Assert.Equal(["localhost", "127.0.0.1"], results[3].GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));

            var postgres = results[4].GetProperty("database");
            Assert.False(results[4].GetProperty("debug").GetBoolean());
            Assert.Equal(["a.example", "b.example", "localhost", "127.0.0.1"], results[4].GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
            Assert.Equal(("django.db.backends.postgresql", "tasks", "app", "p@ss", "db", "5432"), (
                postgres.GetProperty("ENGINE").GetString(), postgres.GetProperty("NAME").GetString(), postgres.GetProperty("USER").GetString(),
                postgres.GetProperty("PASSWORD").GetString(), postgres.GetProperty("HOST").GetString(), postgres.GetProperty("PORT").GetString()));

            Assert.Contains("unsupported scheme 'mysql'", results[5].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("DJANGO_", project.Files["config/settings.py"], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(stub, recursive: true);
        }
    }

    [Fact]
    public async Task The_root_urls_serve_the_health_route()
    {
        using var project = await GeneratedProject.CreateAsync(Request, ProjectType.Django);

        Assert.Contains("path(\"health\", health),", project.Files["config/urls.py"], StringComparison.Ordinal);
        Assert.Contains("return JsonResponse({\"status\": \"ok\"})", project.Files["config/urls.py"], StringComparison.Ordinal);
    }
}
