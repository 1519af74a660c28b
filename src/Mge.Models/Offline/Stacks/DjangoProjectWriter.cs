using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// The Django stack: a "config" project with SQLite settings and an "api" app holding the models
/// (ForeignKey relations), JSON CRUD views (JsonResponse, csrf_exempt, model validation through
/// full_clean), URL routes, admin registrations and django.test.TestCase tests using the test client.
/// </summary>
internal sealed class DjangoProjectWriter : IProjectWriter
{
    public ProjectType ProjectType => ProjectType.Django;

    public IReadOnlyList<PlannedTask> Plan(ProjectBlueprint blueprint)
    {
        var names = string.Join(", ", blueprint.Entities.Select(e => e.Name));
        return
        [
            new("settings", "Foundation", "Project configuration", "Configure the Django project",
                "manage.py and config/settings.py: SQLite database, the api app in INSTALLED_APPS, settings from environment variables.",
                "low", ["manage.py", "config/__init__.py", "config/settings.py"], []),
            new("app", "Foundation", "Project configuration", "Create the api application",
                "The api package and its AppConfig.", "low", ["api/__init__.py", "api/apps.py"], ["settings"]),
            new("models", "Domain model", "Models", "Define the models",
                $"api/models.py: {names} with their fields, ForeignKey relations and ordering.",
                blueprint.Entities.Count > 3 ? "high" : "medium", ["api/models.py"], ["app"]),
            new("admin", "Domain model", "Models", "Register the models in the admin",
                "api/admin.py registers every model.", "low", ["api/admin.py"], ["models"]),
            new("views", "API", "Endpoints", "Implement the JSON CRUD views",
                "api/views.py: collection (list, create) and detail (read, update, delete) views per model returning JsonResponse, validating with full_clean.",
                "high", ["api/views.py"], ["models"]),
            new("urls", "API", "Endpoints", "Route the API",
                "api/urls.py maps each collection and detail view.", "low", ["api/urls.py"], ["views"]),
            new("root", "API", "Application", "Wire the project URLs and servers",
                "config/urls.py mounts the admin and the api under /api/; config/wsgi.py and config/asgi.py expose the application.",
                "low", ["config/urls.py", "config/wsgi.py", "config/asgi.py"], ["settings", "urls"]),
            new("tests", "Quality", "Endpoint tests", "Test the API",
                "api/tests.py: django.test.TestCase tests for every endpoint, including 404 and validation errors.",
                "medium", ["api/tests.py"], ["models", "root"]),
        ];
    }

    public string? Write(ProjectBlueprint blueprint, string path) => path switch
    {
        "manage.py" => Manage(),
        "config/__init__.py" => "\"\"\"Django project configuration.\"\"\"\n",
        "config/settings.py" => Settings(blueprint),
        "config/urls.py" => RootUrls(),
        "config/wsgi.py" => Server("wsgi", "WSGI", "get_wsgi_application"),
        "config/asgi.py" => Server("asgi", "ASGI", "get_asgi_application"),
        "api/__init__.py" => $"\"\"\"The {FastApiProjectWriter.PyText(blueprint.Domain.ToLowerInvariant())} API application.\"\"\"\n",
        "api/apps.py" => Apps(blueprint),
        "api/models.py" => Models(blueprint),
        "api/views.py" => Views(blueprint),
        "api/urls.py" => ApiUrls(blueprint),
        "api/admin.py" => Admin(blueprint),
        "api/tests.py" => Tests(blueprint),
        _ => null,
    };

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

    private static string Settings(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line($"\"\"\"Settings of the {FastApiProjectWriter.PyText(blueprint.Domain.ToLowerInvariant())} project; secrets and hosts come from the environment.\"\"\"")
            .Line("import os")
            .Line("from pathlib import Path")
            .Blank()
            .Line("BASE_DIR = Path(__file__).resolve().parent.parent")
            .Blank()
            .Line("SECRET_KEY = os.getenv(\"DJANGO_SECRET_KEY\", \"insecure-development-key-change-me\")")
            .Line("DEBUG = os.getenv(\"DJANGO_DEBUG\", \"true\").lower() == \"true\"")
            .Line("ALLOWED_HOSTS = [host for host in os.getenv(\"DJANGO_ALLOWED_HOSTS\", \"localhost,127.0.0.1,testserver\").split(\",\") if host]")
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
            .Line("DATABASES = {")
            .Line("    \"default\": {")
            .Line("        \"ENGINE\": \"django.db.backends.sqlite3\",")
            .Line("        \"NAME\": os.getenv(\"DATABASE_PATH\", str(BASE_DIR / \"db.sqlite3\")),")
            .Line("    }")
            .Line("}")
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

    private static string RootUrls()
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"Root URL configuration: the admin and the JSON API under /api/.\"\"\"")
            .Line("from django.contrib import admin")
            .Line("from django.urls import include, path")
            .Blank()
            .Line("urlpatterns = [")
            .Line("    path(\"admin/\", admin.site.urls),")
            .Line("    path(\"api/\", include(\"api.urls\")),")
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

    private static string ApiUrls(ProjectBlueprint blueprint)
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
                var segment = entity.Plural.Replace('_', '-');
                code.Line($"path(\"{segment}/\", views.{entity.Module}_collection, name=\"{entity.Module}-collection\"),")
                    .Line($"path(\"{segment}/<int:pk>/\", views.{entity.Module}_detail, name=\"{entity.Module}-detail\"),");
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

    private static string Tests(ProjectBlueprint blueprint)
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
                        .Line($"response = self.send(\"post\", \"{Url(entity)}\", {{**self.{entity.Module}_payload(), **overrides}})")
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

    private static void EntityTests(CodeBuilder c, BlueprintEntity entity)
    {
        var e = entity.Module;
        var url = Url(entity);
        c.Line($"\"\"\"The /{url.TrimStart('/')} endpoints.\"\"\"")
            .Blank()
            .Block($"def test_create_{e}(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line("self.assertIsInstance(created[\"id\"], int)"))
            .Blank()
            .Block($"def test_read_{e}(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line($"response = self.client.get(f\"{url}{{created['id']}}/\")")
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
                t.Line($"response = self.send(\"patch\", f\"{url}{{created['id']}}/\", {{}})")
                    .Line("self.assertEqual(response.status_code, 200)");
            }
            else
            {
                var value = SampleValues.UpdatePython(updateField, awareDateTimes: true);
                t.Line($"response = self.send(\"patch\", f\"{url}{{created['id']}}/\", {{\"{updateField.Name}\": {value}}})")
                    .Line("self.assertEqual(response.status_code, 200, response.content)")
                    .Line($"self.assertEqual(response.json()[\"{updateField.Name}\"], {value})");
            }
        });

        c.Blank()
            .Block($"def test_delete_{e}(self) -> None:", t => t
                .Line($"created = self.make_{e}()")
                .Line($"self.assertEqual(self.client.delete(f\"{url}{{created['id']}}/\").status_code, 204)")
                .Line($"self.assertEqual(self.client.get(f\"{url}{{created['id']}}/\").status_code, 404)"))
            .Blank()
            .Block($"def test_read_missing_{e}_returns_404(self) -> None:", t => t
                .Line($"self.assertEqual(self.client.get(\"{url}999999/\").status_code, 404)"));

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

    private static string Url(BlueprintEntity entity) => $"/api/{entity.Plural.Replace('_', '-')}/";
}
