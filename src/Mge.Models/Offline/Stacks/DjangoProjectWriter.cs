using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// The Django stack: a "config" project with SQLite settings and an "api" app holding the models
/// (ForeignKey relations), JSON CRUD views (JsonResponse, csrf_exempt, model validation through
/// full_clean), URL routes, admin registrations and django.test.TestCase tests using the test client.
/// </summary>
internal sealed class DjangoProjectWriter : IProjectWriter
{
    public ProjectStack Stack { get; } = ProjectStacks.For(ProjectType.Django);

    private StackLayout Layout => Stack.Layout;

    public IReadOnlyList<PlannedTask> Plan(ProjectBlueprint blueprint)
    {
        var names = string.Join(", ", blueprint.Entities.Select(e => e.Name));
        var settings = Layout.File("config/settings.py");
        return
        [
            new("settings", "Foundation", "Project configuration", "Configure the Django project",
                $"manage.py and {settings}: the database from {Var("DATABASE_URL")}, the api app in INSTALLED_APPS, {Var("SECRET_KEY")}, {Var("DEBUG")} and {Var("ALLOWED_HOSTS")} from the environment.",
                "low", [Layout.File("manage.py"), Layout.File("config/__init__.py"), settings], []),
            new("app", "Foundation", "Project configuration", "Create the api application",
                "The api package and its AppConfig.", "low", [Layout.File("api/__init__.py"), Layout.File("api/apps.py")], ["settings"]),
            new("models", "Domain model", "Models", "Define the models",
                $"{Layout.Models.Path}: {names} with their fields, ForeignKey relations and ordering.",
                blueprint.Entities.Count > 3 ? "high" : "medium", [Layout.Models.Path], ["app"]),
            new("admin", "Domain model", "Models", "Register the models in the admin",
                "api/admin.py registers every model.", "low", [Layout.File("api/admin.py")], ["models"]),
            new("views", "API", "Endpoints", "Implement the JSON CRUD views",
                "api/views.py: collection (list, create) and detail (read, update, delete) views per model returning JsonResponse, validating with full_clean.",
                "high", [Layout.File("api/views.py")], ["models"]),
            new("urls", "API", "Endpoints", "Route the API",
                $"{Layout.Routes.Path} maps each collection and detail view.", "low", [Layout.Routes.Path], ["views"]),
            new("root", "API", "Application", "Wire the project URLs and servers",
                $"{Layout.App.Path} serves GET {Stack.Routes.Health} and mounts the admin and the api under /{ApiMount}; {Layout.EntryPoint.Path} and config/asgi.py expose the application.",
                "low", [Layout.App.Path, Layout.EntryPoint.Path, Layout.File("config/asgi.py")], ["settings", "urls"]),
            new("tests", "Quality", "Endpoint tests", "Test the API",
                $"{Layout.Tests.Path}: django.test.TestCase tests for every endpoint, including 404 and validation errors.",
                "medium", [Layout.Tests.Path], ["models", "root"]),
        ];
    }

    public string? Write(ProjectBlueprint blueprint, string path)
    {
        if (path == Layout.App.Path)
        {
            return RootUrls();
        }

        if (path == Layout.EntryPoint.Path)
        {
            return Server("wsgi", "WSGI", "get_wsgi_application");
        }

        if (path == Layout.Models.Path)
        {
            return Models(blueprint);
        }

        if (path == Layout.Routes.Path)
        {
            return ApiUrls(blueprint);
        }

        if (path == Layout.Tests.Path)
        {
            return Tests(blueprint);
        }

        return path switch
        {
            "manage.py" => Manage(),
            "config/__init__.py" => "\"\"\"Django project configuration.\"\"\"\n",
            "config/settings.py" => Settings(blueprint),
            "config/asgi.py" => Server("asgi", "ASGI", "get_asgi_application"),
            "api/__init__.py" => $"\"\"\"The {FastApiProjectWriter.PyText(blueprint.Domain.ToLowerInvariant())} API application.\"\"\"\n",
            "api/apps.py" => Apps(blueprint),
            "api/views.py" => Views(blueprint),
            "api/admin.py" => Admin(blueprint),
            _ => null,
        };
    }

    /// <summary>Where the api app's URLconf is mounted: the collection route's part before the resource ("api/").</summary>
    private string ApiMount => Stack.Routes.Collection[1..Stack.Routes.Collection.IndexOf(StackRoutes.ResourcePlaceholder, StringComparison.Ordinal)];

    /// <summary>The name of a variable the definition declares; the settings read exactly the definition's names.</summary>
    private string Var(string name) =>
        Stack.Variable(name)?.Name ?? throw new InvalidOperationException($"The Django stack definition does not declare {name}; the writer and templates/stacks disagree.");

    private static string Manage()
    {
        var code = new CodeBuilder();
        code.Line("#!/usr/bin/env python")
            .Line("\"\"\"Django's command-line utility for administrative tasks.\"\"\"")
            .Line("import os")
            .Line("import sys")
            .Blank(2)
            .Block("def main() -> None:", c => c
                .Line("\"\"\"Run administrative tasks.\"\"\"")
                .Line("os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"config.settings\")")
                .Line("from django.core.management import execute_from_command_line")
                .Blank()
                .Line("execute_from_command_line(sys.argv)"))
            .Blank(2)
            .Block("if __name__ == \"__main__\":", c => c.Line("main()"));
        return code.ToString();
    }

    private string Settings(ProjectBlueprint blueprint)
    {
        var database = Stack.Database ?? throw new InvalidOperationException("The Django stack definition has no database.");
        var code = new CodeBuilder();
        code.Line($"\"\"\"Settings of the {FastApiProjectWriter.PyText(blueprint.Domain.ToLowerInvariant())} project; secrets, hosts and the database come from the environment.\"\"\"")
            .Line("import os")
            .Line("from pathlib import Path")
            .Line("from typing import Any")
            .Line("from urllib.parse import unquote, urlsplit")
            .Blank()
            .Line("from django.core.exceptions import ImproperlyConfigured")
            .Blank()
            .Line("BASE_DIR = Path(__file__).resolve().parent.parent")
            .Blank(2)
            .Block("def _flag(name: str, default: str) -> bool:", c => c
                .Line("\"\"\"Whether the environment variable <name> is on (1, true, yes or on).\"\"\"")
                .Line("return os.getenv(name, default).strip().lower() in (\"1\", \"true\", \"yes\", \"on\")"))
            .Blank(2)
            .Block("def _database(url: str) -> dict[str, Any]:", c => c
                .Line("\"\"\"The DATABASES entry of a database URL: sqlite:///<file> or postgresql://user:password@host:port/name.\"\"\"")
                .Line("parts = urlsplit(url)")
                .Block("if parts.scheme == \"sqlite\":", i => i
                    .Line("name = parts.path[1:] if parts.path.startswith(\"/\") else parts.path")
                    .Line("return {\"ENGINE\": \"django.db.backends.sqlite3\", \"NAME\": name or str(BASE_DIR / \"db.sqlite3\")}"))
                .Block("if parts.scheme in (\"postgres\", \"postgresql\"):", i => i
                    .Line("return {")
                    .Line("    \"ENGINE\": \"django.db.backends.postgresql\",")
                    .Line("    \"NAME\": parts.path.lstrip(\"/\"),")
                    .Line("    \"USER\": unquote(parts.username or \"\"),")
                    .Line("    \"PASSWORD\": unquote(parts.password or \"\"),")
                    .Line("    \"HOST\": parts.hostname or \"\",")
                    .Line("    \"PORT\": str(parts.port or \"\"),")
                    .Line("}"))
                .Line($"raise ImproperlyConfigured(f\"{database.Variable}: unsupported scheme {{parts.scheme!r}} (use sqlite:/// or postgresql://)\")"))
            .Blank(2)
            .Line("# Off unless the environment turns it on: a deployment that forgets it never shows debug pages.")
            .Line($"DEBUG = _flag(\"{Var("DEBUG")}\", \"{Stack.DefaultOf("DEBUG")}\")")
            .Blank()
            .Line("# No default: a key published with the code would let anyone forge sessions and signed data.")
            .Line($"SECRET_KEY = os.getenv(\"{Var("SECRET_KEY")}\", \"\")")
            .Block("if not SECRET_KEY:", c => c
                .Line($"raise ImproperlyConfigured(\"{Var("SECRET_KEY")} is not set: copy .env.example to .env for development; set a secret value in production.\")"))
            .Blank()
            .Line($"ALLOWED_HOSTS = [host.strip() for host in os.getenv(\"{Var("ALLOWED_HOSTS")}\", \"\").split(\",\") if host.strip()]")
            .Block("if not ALLOWED_HOSTS and not DEBUG:", c => c
                .Line($"raise ImproperlyConfigured(\"{Var("ALLOWED_HOSTS")} is not set: list the host names the app serves, comma-separated.\")"))
            .Line("# The container's health check calls the app on the loopback address.")
            .Line("ALLOWED_HOSTS += [host for host in (\"localhost\", \"127.0.0.1\") if host not in ALLOWED_HOSTS]")
            .Blank()
            .Line("INSTALLED_APPS = [")
            .Lines(new[] { "admin", "auth", "contenttypes", "sessions", "messages", "staticfiles" }.Select(a => $"    \"django.contrib.{a}\","))
            .Line("    \"api\",")
            .Line("]")
            .Blank()
            .Line("MIDDLEWARE = [")
            .Lines(new[]
            {
                "django.middleware.security.SecurityMiddleware",
                "django.contrib.sessions.middleware.SessionMiddleware",
                "django.middleware.common.CommonMiddleware",
                "django.middleware.csrf.CsrfViewMiddleware",
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "django.contrib.messages.middleware.MessageMiddleware",
                "django.middleware.clickjacking.XFrameOptionsMiddleware",
            }.Select(m => $"    \"{m}\","))
            .Line("]")
            .Blank()
            .Line("ROOT_URLCONF = \"config.urls\"")
            .Blank()
            .Line("TEMPLATES = [")
            .Line("    {")
            .Line("        \"BACKEND\": \"django.template.backends.django.DjangoTemplates\",")
            .Line("        \"DIRS\": [],")
            .Line("        \"APP_DIRS\": True,")
            .Line("        \"OPTIONS\": {")
            .Line("            \"context_processors\": [")
            .Line("                \"django.template.context_processors.request\",")
            .Line("                \"django.contrib.auth.context_processors.auth\",")
            .Line("                \"django.contrib.messages.context_processors.messages\",")
            .Line("            ],")
            .Line("        },")
            .Line("    },")
            .Line("]")
            .Blank()
            .Line("WSGI_APPLICATION = \"config.wsgi.application\"")
            .Blank()
            .Line($"DATABASES = {{\"default\": _database(os.getenv(\"{database.Variable}\", \"{Stack.DefaultOf(database.Variable)}\"))}}")
            .Blank()
            .Line("LANGUAGE_CODE = \"en-us\"")
            .Line("TIME_ZONE = \"UTC\"")
            .Line("USE_I18N = True")
            .Line("USE_TZ = True")
            .Blank()
            .Line("STATIC_URL = \"static/\"")
            .Line("STATIC_ROOT = BASE_DIR / \"staticfiles\"")
            .Blank()
            .Line("DEFAULT_AUTO_FIELD = \"django.db.models.BigAutoField\"");
        return code.ToString();
    }

    private string RootUrls()
    {
        var code = new CodeBuilder();
        code.Line($"\"\"\"Root URL configuration: the health route, the admin and the JSON API under /{ApiMount}.\"\"\"")
            .Line("from django.contrib import admin")
            .Line("from django.http import HttpRequest, JsonResponse")
            .Line("from django.urls import include, path")
            .Blank(2)
            .Block("def health(request: HttpRequest) -> JsonResponse:", c => c
                .Line("\"\"\"Liveness probe: answers 200 while the app is up.\"\"\"")
                .Line("return JsonResponse({\"status\": \"ok\"})"))
            .Blank(2)
            .Line("urlpatterns = [")
            .Line($"    path(\"{Stack.Routes.Health.TrimStart('/')}\", health),")
            .Line("    path(\"admin/\", admin.site.urls),")
            .Line($"    path(\"{ApiMount}\", include(\"api.urls\")),")
            .Line("]");
        return code.ToString();
    }

    private static string Server(string module, string kind, string factory)
    {
        var code = new CodeBuilder();
        code.Line($"\"\"\"{kind} entry point: exposes the application as the module-level variable ``application``.\"\"\"")
            .Line("import os")
            .Blank()
            .Line($"from django.core.{module} import {factory}")
            .Blank()
            .Line("os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"config.settings\")")
            .Blank()
            .Line($"application = {factory}()");
        return code.ToString();
    }

    private static string Apps(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"Configuration of the api application.\"\"\"")
            .Line("from django.apps import AppConfig")
            .Blank(2)
            .Block("class ApiConfig(AppConfig):", c => c
                .Line($"\"\"\"The {FastApiProjectWriter.PyText(blueprint.Domain.ToLowerInvariant())} API.\"\"\"")
                .Blank()
                .Line("default_auto_field = \"django.db.models.BigAutoField\"")
                .Line("name = \"api\""));
        return code.ToString();
    }

    private static string ModelField(BlueprintField field)
    {
        var options = new List<string>();
        var type = field.Type switch
        {
            "string" => "CharField",
            "email" => "EmailField",
            "text" => "TextField",
            "integer" => "IntegerField",
            "float" => "FloatField",
            "boolean" => "BooleanField",
            "date" => "DateField",
            "datetime" => "DateTimeField",
            _ => "CharField",
        };
        if (field.Type is "string" or "email")
        {
            options.Add($"max_length={field.MaxLength}");
        }

        if (field.Unique)
        {
            options.Add("unique=True");
        }

        if (!field.Required)
        {
            options.Add(field.Type is "string" or "email" or "text" ? "blank=True, default=\"\"" : field.Type == "boolean" ? "default=False" : "null=True, blank=True");
        }

        return $"{field.Name} = models.{type}({string.Join(", ", options)})";
    }

    private static string Models(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"Models of the api application.\"\"\"")
            .Line("from django.db import models");
        foreach (var entity in blueprint.Entities)
        {
            code.Blank(2).Block($"class {entity.Name}(models.Model):", c =>
            {
                c.Line($"\"\"\"{FastApiProjectWriter.PyText(entity.Description)}\"\"\"").Blank();
                foreach (var field in entity.Fields)
                {
                    c.Line(ModelField(field));
                }

                foreach (var relation in entity.Parents)
                {
                    var target = relation.Target == entity.Name ? "\"self\"" : SampleValues.Quote(relation.Target);
                    var options = relation.Required ? "on_delete=models.CASCADE" : "on_delete=models.SET_NULL, null=True, blank=True";
                    c.Line($"{relation.Field} = models.ForeignKey({target}, {options}, related_name=\"{relation.Inverse}\")");
                }

                var label = entity.Fields.FirstOrDefault(f => f.IsText && f.Type != "text");
                c.Blank()
                    .Block("class Meta:", m => m.Line("ordering = [\"id\"]"))
                    .Blank()
                    .Block("def __str__(self) -> str:", s => s.Line(label is null ? $"return f\"{entity.Name} {{self.pk}}\"" : $"return str(self.{label.Name})"));
            });
        }

        return code.ToString();
    }

    private static string Views(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"JSON CRUD views: one collection view (list, create) and one detail view (read, update, delete) per model.\"\"\"")
            .Line("import json")
            .Line("from typing import Any")
            .Blank()
            .Line("from django.core.exceptions import ValidationError")
            .Line("from django.db import models")
            .Line("from django.http import HttpRequest, HttpResponse, JsonResponse")
            .Line("from django.views.decorators.csrf import csrf_exempt");
        if (blueprint.Entities.Count > 0)
        {
            code.Blank().Line($"from api.models import {string.Join(", ", blueprint.Entities.Select(e => e.Name).Order(StringComparer.Ordinal))}");
        }

        code.Blank(2)
            .Block("def _read_json(request: HttpRequest) -> dict[str, Any]:", c => c
                .Line("\"\"\"The request body as a JSON object; ValueError when it is not one.\"\"\"")
                .Block("try:", t => t.Line("data = json.loads(request.body or b\"{}\")"))
                .Block("except json.JSONDecodeError as error:", x => x.Line("raise ValueError(f\"Invalid JSON: {error.msg}\") from error"))
                .Block("if not isinstance(data, dict):", i => i.Line("raise ValueError(\"The body must be a JSON object\")"))
                .Line("return data"))
            .Blank(2)
            .Block("def _to_dict(instance: models.Model, fields: tuple[str, ...]) -> dict[str, Any]:", c => c
                .Line("\"\"\"The instance's id and fields (foreign keys as <name>_id).\"\"\"")
                .Line("data: dict[str, Any] = {\"id\": instance.pk}")
                .Block("for field in fields:", l => l.Line("data[field] = getattr(instance, field)"))
                .Line("return data"))
            .Blank(2)
            .Block("def _save(instance: models.Model, data: dict[str, Any], fields: tuple[str, ...], status: int) -> JsonResponse:", c => c
                .Line("\"\"\"Copy the known fields from <data>, validate the instance, save it and answer with it.\"\"\"")
                .Line("unknown = sorted(set(data) - set(fields))")
                .Block("if unknown:", i => i.Line("return JsonResponse({\"errors\": {name: [\"Unknown field.\"] for name in unknown}}, status=400)"))
                .Block("for field in fields:", l => l.Block("if field in data:", i => i.Line("setattr(instance, field, data[field])")))
                .Block("try:", t => t.Line("instance.full_clean()"))
                .Block("except ValidationError as error:", x => x.Line("return JsonResponse({\"errors\": error.message_dict}, status=400)"))
                .Line("instance.save()")
                .Line("instance.refresh_from_db()")
                .Line("return JsonResponse(_to_dict(instance, fields), status=status)"))
            .Blank(2)
            .Block("def _collection(request: HttpRequest, model: type[models.Model], fields: tuple[str, ...]) -> JsonResponse:", c => c
                .Line("\"\"\"GET lists the records, POST creates one.\"\"\"")
                .Block("if request.method == \"GET\":", g => g
                    .Line("records = [_to_dict(instance, fields) for instance in model.objects.all()]")
                    .Line("return JsonResponse(records, safe=False)"))
                .Block("if request.method == \"POST\":", p => p
                    .Block("try:", t => t.Line("data = _read_json(request)"))
                    .Block("except ValueError as error:", x => x.Line("return JsonResponse({\"error\": str(error)}, status=400)"))
                    .Line("return _save(model(), data, fields, status=201)"))
                .Line("return JsonResponse({\"error\": \"Method not allowed\"}, status=405)"))
            .Blank(2)
            .Block("def _detail(request: HttpRequest, model: type[models.Model], fields: tuple[str, ...], pk: int) -> HttpResponse:", c => c
                .Line("\"\"\"GET reads the record, PUT/PATCH change the fields sent, DELETE removes it.\"\"\"")
                .Line("instance = model.objects.filter(pk=pk).first()")
                .Block("if instance is None:", i => i.Line("return JsonResponse({\"error\": f\"{model.__name__} {pk} not found\"}, status=404)"))
                .Block("if request.method == \"GET\":", g => g.Line("return JsonResponse(_to_dict(instance, fields))"))
                .Block("if request.method in (\"PUT\", \"PATCH\"):", p => p
                    .Block("try:", t => t.Line("data = _read_json(request)"))
                    .Block("except ValueError as error:", x => x.Line("return JsonResponse({\"error\": str(error)}, status=400)"))
                    .Line("return _save(instance, data, fields, status=200)"))
                .Block("if request.method == \"DELETE\":", d => d
                    .Line("instance.delete()")
                    .Line("return HttpResponse(status=204)"))
                .Line("return JsonResponse({\"error\": \"Method not allowed\"}, status=405)"));

        foreach (var entity in blueprint.Entities)
        {
            var fields = entity.Fields.Select(f => f.Name).Concat(entity.Parents.Select(p => p.Column)).Select(SampleValues.Quote).ToList();
            var tuple = fields.Count == 1 ? $"({fields[0]},)" : $"({string.Join(", ", fields)})";
            var constant = $"{entity.Module.ToUpperInvariant()}_FIELDS";
            code.Blank(2)
                .Line($"{constant} = {tuple}")
                .Blank(2)
                .Line("@csrf_exempt")
                .Block($"def {entity.Module}_collection(request: HttpRequest) -> JsonResponse:", c => c
                    .Line($"\"\"\"List or create {entity.PluralLabel}.\"\"\"")
                    .Line($"return _collection(request, {entity.Name}, {constant})"))
                .Blank(2)
                .Line("@csrf_exempt")
                .Block($"def {entity.Module}_detail(request: HttpRequest, pk: int) -> HttpResponse:", c => c
                    .Line($"\"\"\"Read, update or delete one {entity.Label}.\"\"\"")
                    .Line($"return _detail(request, {entity.Name}, {constant}, pk)"));
        }

        return code.ToString();
    }

    private string ApiUrls(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"URL routes of the api application.\"\"\"")
            .Line("from django.urls import path")
            .Blank()
            .Line("from api import views")
            .Blank()
            .Line("urlpatterns = [");
        using (code.Indent())
        {
            foreach (var entity in blueprint.Entities)
            {
                var collection = Stack.CollectionOf(entity)[(ApiMount.Length + 1)..];
                var item = Stack.ItemOf(entity)[(ApiMount.Length + 1)..].Replace("{id}", "<int:pk>", StringComparison.Ordinal);
                code.Line($"path(\"{collection}\", views.{entity.Module}_collection, name=\"{entity.Module}-collection\"),")
                    .Line($"path(\"{item}\", views.{entity.Module}_detail, name=\"{entity.Module}-detail\"),");
            }
        }

        code.Line("]");
        return code.ToString();
    }

    private static string Admin(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"Admin registrations of the api models.\"\"\"")
            .Line("from django.contrib import admin");
        if (blueprint.Entities.Count > 0)
        {
            code.Blank()
                .Line($"from api.models import {string.Join(", ", blueprint.Entities.Select(e => e.Name).Order(StringComparer.Ordinal))}")
                .Blank();
            foreach (var entity in blueprint.Entities)
            {
                code.Line($"admin.site.register({entity.Name})");
            }
        }

        return code.ToString();
    }

    private string Tests(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"Tests of the JSON API through Django's test client.\"\"\"")
            .Line("import itertools")
            .Line("from typing import Any")
            .Blank()
            .Line("from django.test import TestCase")
            .Blank(2)
            .Block("class ApiTestCase(TestCase):", c =>
            {
                c.Line("\"\"\"Creates records through the API; every test starts from an empty database.\"\"\"")
                    .Blank()
                    .Block("def setUp(self) -> None:", s => s.Line("self.counter = itertools.count(1)"))
                    .Blank()
                    .Block("def send(self, method: str, url: str, data: dict[str, Any] | None = None) -> Any:", s => s
                        .Line("\"\"\"Send a JSON request with the test client.\"\"\"")
                        .Line("body = \"\" if data is None else data")
                        .Line("return getattr(self.client, method)(url, data=body, content_type=\"application/json\")"));
                foreach (var entity in blueprint.Entities)
                {
                    var fieldUsesCounter = entity.Fields.Any(SampleValues.UsesCounter) || entity.Fields.Any(f => f.Unique);
                    c.Blank().Block($"def {entity.Module}_payload(self) -> dict[str, Any]:", p =>
                    {
                        p.Line($"\"\"\"A valid {entity.Label} payload (creating the records it refers to).\"\"\"");
                        if (fieldUsesCounter)
                        {
                            p.Line("n = next(self.counter)");
                        }

                        p.Line("return {");
                        using (p.Indent())
                        {
                            foreach (var field in entity.Fields)
                            {
                                p.Line($"\"{field.Name}\": {SampleValues.Python(field, awareDateTimes: true)},");
                            }

                            foreach (var relation in entity.Parents.Where(r => r.Required))
                            {
                                p.Line($"\"{relation.Column}\": self.make_{blueprint.Get(relation.Target).Module}()[\"id\"],");
                            }
                        }

                        p.Line("}");
                    });
                    c.Blank().Block($"def make_{entity.Module}(self, **overrides: Any) -> dict[str, Any]:", m => m
                        .Line($"\"\"\"Create a {entity.Label} through the API and return it.\"\"\"")
                        .Line($"response = self.send(\"post\", \"{Stack.CollectionOf(entity)}\", {{**self.{entity.Module}_payload(), **overrides}})")
                        .Line("self.assertEqual(response.status_code, 201, response.content)")
                        .Line("return response.json()"));
                }
            });

        foreach (var entity in blueprint.Entities)
        {
            code.Blank(2).Block($"class {entity.Name}ApiTests(ApiTestCase):", c => EntityTests(c, entity));
        }

        return code.ToString();
    }

    private void EntityTests(CodeBuilder c, BlueprintEntity entity)
    {
        var e = entity.Module;
        var url = Stack.CollectionOf(entity);
        var item = Stack.ItemOf(entity).Replace("{id}", "{created['id']}", StringComparison.Ordinal);
        var missing = Stack.ItemOf(entity).Replace("{id}", "999999", StringComparison.Ordinal);
        c.Line($"\"\"\"The /{url.TrimStart('/')} endpoints.\"\"\"")
            .Blank()
            .Block($"def test_create_{e}(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line("self.assertIsInstance(created[\"id\"], int)"))
            .Blank()
            .Block($"def test_read_{e}(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line($"response = self.client.get(f\"{item}\")")
                .Line("self.assertEqual(response.status_code, 200)")
                .Line("self.assertEqual(response.json(), created)"))
            .Blank()
            .Block($"def test_list_{entity.Plural}(self) -> None:", t => t
                .Line($"self.make_{e}()")
                .Line($"self.make_{e}()")
                .Line($"response = self.client.get(\"{url}\")")
                .Line("self.assertEqual(response.status_code, 200)")
                .Line("self.assertEqual(len(response.json()), 2)"));

        var updateField = SampleValues.UpdateField(entity);
        c.Blank().Block($"def test_update_{e}(self) -> None:", t =>
        {
            t.Line($"created = self.make_{e}()");
            if (updateField is null)
            {
                t.Line($"response = self.send(\"patch\", f\"{item}\", {{}})")
                    .Line("self.assertEqual(response.status_code, 200)");
            }
            else
            {
                var value = SampleValues.UpdatePython(updateField, awareDateTimes: true);
                t.Line($"response = self.send(\"patch\", f\"{item}\", {{\"{updateField.Name}\": {value}}})")
                    .Line("self.assertEqual(response.status_code, 200, response.content)")
                    .Line($"self.assertEqual(response.json()[\"{updateField.Name}\"], {value})");
            }
        });

        c.Blank()
            .Block($"def test_delete_{e}(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line($"self.assertEqual(self.client.delete(f\"{item}\").status_code, 204)")
                .Line($"self.assertEqual(self.client.get(f\"{item}\").status_code, 404)"))
            .Blank()
            .Block($"def test_read_missing_{e}_returns_404(self) -> None:", t => t
                .Line($"self.assertEqual(self.client.get(\"{missing}\").status_code, 404)"));

        if (entity.InputNames.Any(i => i.Required))
        {
            c.Blank().Block($"def test_create_{e}_without_required_fields_returns_400(self) -> None:", t => t
                .Line($"self.assertEqual(self.send(\"post\", \"{url}\", {{}}).status_code, 400)"));
        }

        var firstRequiredParent = entity.Parents.FirstOrDefault(p => p.Required);
        if (firstRequiredParent is not null)
        {
            c.Blank().Block($"def test_create_{e}_with_unknown_{firstRequiredParent.Field}_returns_400(self) -> None:", t => t
                .Line($"payload = {{**self.{e}_payload(), \"{firstRequiredParent.Column}\": 999999}}")
                .Line($"self.assertEqual(self.send(\"post\", \"{url}\", payload).status_code, 400)"));
        }

        if (entity.Fields.Any(f => f.Unique))
        {
            c.Blank().Block($"def test_create_duplicate_{e}_returns_400(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line("duplicate = {key: value for key, value in created.items() if key != \"id\"}")
                .Line($"self.assertEqual(self.send(\"post\", \"{url}\", duplicate).status_code, 400)"));
        }
    }
}
