using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.Python.Analysis;
using static Mge.CodeIntelligence.Tests.Languages.Python.Analysis.PythonSourceFixtures;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

public sealed class PythonImportCheckerTests
{
    private static IReadOnlyList<Diagnostic> Check(string path, string text, ProjectContext? project = null)
    {
        project ??= FastApiProject((path, text));
        return PythonImportChecker.Check(new SourceFile(path, text), Parse(text), PythonProjectAnalysis.For(project));
    }

    [Fact]
    public void Resolves_stdlib_declared_and_project_imports()
    {
        const string Source = """
            import os.path
            import json, logging
            from typing import Annotated
            from fastapi import APIRouter, Depends
            from starlette.responses import JSONResponse
            from sqlalchemy.orm import Session
            import pytest, _pytest.fixtures
            from app.database import get_db, SessionLocal
            from app.models import User
            from app.models.user import User as UserModel
            from app.schemas import user
            from ..schemas.user import UserCreate
            from . import users_helpers
            from .. import models
            """;

        var diagnostics = Check("app/routers/users.py", Source, FastApiProject(("app/routers/users_helpers.py", "\"\"\"Helpers.\"\"\"\n")));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reports_an_undeclared_third_party_module_with_its_position()
    {
        var diagnostics = Check("app/main.py", "\"\"\"Main.\"\"\"\nimport os\nimport requests\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((3, 8, DiagnosticSeverity.Error, "import-unresolved"), (error.Line, error.Column, error.Severity, error.Code));
        Assert.Contains("'requests'", error.Message);
    }

    [Fact]
    public void Reports_modules_removed_from_the_312_stdlib() =>
        Assert.Single(Check("app/main.py", "import distutils.core\n"));

    [Fact]
    public void Reports_a_missing_submodule_of_a_project_package()
    {
        var error = Assert.Single(Check("app/main.py", "from app.models.task import Task\n"));

        Assert.Contains("app.models.task", error.Message);
    }

    [Fact]
    public void Reports_a_name_the_project_module_does_not_define()
    {
        var error = Assert.Single(Check("app/routers/users.py", "from app.schemas.user import UserCreate, UserUpdate\n"));

        Assert.Equal(1, error.Line);
        Assert.Contains("'UserUpdate'", error.Message);
        Assert.Contains("app/schemas/user.py", error.Message);
    }

    [Fact]
    public void Names_re_exported_by_a_package_init_count()
    {
        Assert.Empty(Check("app/main.py", "from app.models import User\n"));
        Assert.Single(Check("app/main.py", "from app.models import Task\n"));
    }

    [Fact]
    public void A_project_module_with_an_unknown_star_import_accepts_any_name()
    {
        var project = FastApiProject(("app/compat.py", "from os.path import *\n"));

        Assert.Empty(Check("app/main.py", "from app.compat import whatever\n", project));
    }

    [Fact]
    public void Relative_imports_that_climb_above_the_root_or_miss_are_reported()
    {
        Assert.Single(Check("app/main.py", "from ... import x\n"));
        Assert.Single(Check("app/main.py", "from .missing import x\n"));
    }

    [Fact]
    public void Imports_guarded_by_import_error_are_warnings()
    {
        const string Source = "try:\n    import ujson as json\nexcept ImportError:\n    import json\n";

        var warning = Assert.Single(Check("app/main.py", Source));

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(2, warning.Line);
    }

    [Fact]
    public void Imports_in_try_without_an_import_error_handler_stay_errors()
    {
        var error = Assert.Single(Check("app/main.py", "try:\n    import ujson\nexcept KeyError:\n    pass\n"));

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void Declared_requirements_map_through_the_distribution_table()
    {
        var project = new ProjectContext(new HashSet<string> { "main.py" }, ["python-jose[cryptography]", "PyYAML>=6", "protobuf", "Pillow"]);

        Assert.Empty(Check("main.py", "import jose\nimport yaml\nfrom google.protobuf import message\nfrom PIL import Image\n", project));
        Assert.Single(Check("main.py", "import pil\n", project));
    }

    [Fact]
    public void Without_file_texts_names_inside_project_modules_are_not_checked()
    {
        var project = new ProjectContext(new HashSet<string> { "app/__init__.py", "app/crud.py", "app/main.py" }, []);

        Assert.Empty(Check("app/main.py", "from app.crud import anything\n", project));
    }
}
