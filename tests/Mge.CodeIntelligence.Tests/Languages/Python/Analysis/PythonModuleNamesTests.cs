using Mge.CodeIntelligence.Languages.Python.Analysis;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

public sealed class PythonModuleNamesTests
{
    [Theory]
    [InlineData("app/models/user.py", "app.models.user")]
    [InlineData("app/models/__init__.py", "app.models")]
    [InlineData("./main.py", "main")]
    [InlineData("pkg\\sub\\mod.pyi", "pkg.sub.mod")]
    [InlineData("backend/src/app.py", "backend.src.app")]
    public void FromPath_gives_the_dotted_module_name(string path, string expected) =>
        Assert.Equal(expected, PythonModuleNames.FromPath(path));

    [Theory]
    [InlineData("README.md")]
    [InlineData("my-scripts/tool.py")]
    [InlineData("__init__.py")]
    [InlineData("src/__init__.py")]
    [InlineData("alembic/versions/001_initial.py")]
    public void FromPath_is_null_for_files_that_cannot_be_imported_by_name(string path) =>
        Assert.Null(PythonModuleNames.FromPath(path));

    [Theory]
    [InlineData("app/routers/users.py", "app.routers")]
    [InlineData("app/routers/__init__.py", "app.routers")]
    [InlineData("main.py", "")]
    [InlineData("app/routers/__init__.pyi", "app.routers")]
    [InlineData("src/app/routers/users.py", "app.routers")]
    [InlineData("src/main.py", "")]
    public void PackageOf_is_where_relative_imports_start(string path, string expected) =>
        Assert.Equal(expected, PythonModuleNames.PackageOf(path));

    [Theory]
    [InlineData("app/db.pyi", "app/db.py", "app.db")]
    [InlineData("app/models/__init__.pyi", "app/models/__init__.py", "app.models")]
    [InlineData("src/app/db.pyi", "src/app/db.py", "app.db")]
    public void A_stub_names_the_same_module_as_its_source(string stub, string source, string module)
    {
        Assert.Equal(module, PythonModuleNames.FromPath(stub));
        Assert.Equal(module, PythonModuleNames.FromPath(source));
        Assert.True(PythonModuleNames.IsStub(stub));
        Assert.False(PythonModuleNames.IsStub(source));
    }

    [Theory]
    [InlineData("src/app/main.py", "app.main")]
    [InlineData("src/app/models/__init__.py", "app.models")]
    [InlineData("src/main.py", "main")]
    [InlineData("./src/app/main.py", "app.main")]
    public void A_src_layout_root_is_not_part_of_the_module_name(string path, string module) =>
        Assert.Equal(module, PythonModuleNames.FromPath(path));

    [Fact]
    public void A_src_layout_file_is_also_importable_through_src_from_the_workspace_root()
    {
        Assert.Equal(["app.models", "src.app.models"], PythonModuleNames.ImportNames("src/app/models/__init__.py"));
        Assert.Equal(["app.db"], PythonModuleNames.ImportNames("app/db.pyi"));
        Assert.Empty(PythonModuleNames.ImportNames("README.md"));
    }

    [Theory]
    [InlineData("app/routers/users.py", "models", 2, "app.models")]
    [InlineData("app/routers/users.py", "", 1, "app.routers")]
    [InlineData("app/__init__.py", "db", 1, "app.db")]
    [InlineData("app/x.py", "y", 3, null)]
    [InlineData("app/x.py", "os.path", 0, "os.path")]
    [InlineData("main.py", "", 1, null)]
    [InlineData("src/app/routers/users.py", "models", 2, "app.models")]
    [InlineData("app/routers/users.pyi", "models", 2, "app.models")]
    public void AbsoluteModule_resolves_relative_imports_against_the_package(string file, string module, int level, string? expected) =>
        Assert.Equal(expected, PythonModuleNames.AbsoluteModule(file, module, level));

    private static readonly PythonProjectModules FastApiProject = PythonProjectModules.Create(
    [
        "app/__init__.py", "app/main.py", "app/database.py", "app/models/__init__.py", "app/models/user.py",
        "app/routers/__init__.py", "app/routers/users.py", "tests/__init__.py", "tests/conftest.py",
        "scripts/seed.py", "scripts/helpers.py", "ns/inner/thing.py", "requirements.txt",
    ]);

    [Theory]
    [InlineData("app.models.user", PythonModuleKind.Module, "app/models/user.py")]
    [InlineData("app.models", PythonModuleKind.Package, "app/models/__init__.py")]
    [InlineData("app", PythonModuleKind.Package, "app/__init__.py")]
    [InlineData("ns", PythonModuleKind.NamespacePackage, "ns")]
    [InlineData("ns.inner.thing", PythonModuleKind.Module, "ns/inner/thing.py")]
    public void FindAbsolute_finds_modules_and_packages(string module, PythonModuleKind kind, string path)
    {
        var found = FastApiProject.FindAbsolute(module, "tests/test_users.py");

        Assert.Equal(new PythonProjectModule(kind, path), found);
    }

    [Theory]
    [InlineData("app.models.task")]
    [InlineData("requirements")]
    [InlineData("fastapi")]
    public void FindAbsolute_is_null_for_what_the_project_lacks(string module) =>
        Assert.Null(FastApiProject.FindAbsolute(module, "app/main.py"));

    [Fact]
    public void A_script_outside_packages_sees_its_own_directory()
    {
        Assert.Equal(["scripts", ""], FastApiProject.SearchRootsFor("scripts/seed.py"));
        Assert.NotNull(FastApiProject.FindAbsolute("helpers", "scripts/seed.py"));
        Assert.Null(FastApiProject.FindAbsolute("helpers", "app/main.py"));
    }

    [Theory]
    [InlineData(2, "models.user", "app/models/user.py")]
    [InlineData(2, "database", "app/database.py")]
    [InlineData(1, null, "app/routers/__init__.py")]
    [InlineData(2, null, "app/__init__.py")]
    public void FindRelative_resolves_from_the_importing_files_package(int level, string? module, string path)
    {
        var found = FastApiProject.FindRelative(level, module, "app/routers/users.py");

        Assert.Equal(path, found?.Path);
    }

    [Fact]
    public void FindRelative_is_null_above_the_workspace() =>
        Assert.Null(FastApiProject.FindRelative(4, "x", "app/routers/users.py"));

    [Fact]
    public void FindSubmodule_looks_inside_a_package()
    {
        var package = FastApiProject.FindAbsolute("app.models", "app/main.py")!;

        Assert.Equal("app/models/user.py", FastApiProject.FindSubmodule(package, "user")?.Path);
        Assert.Null(FastApiProject.FindSubmodule(package, "task"));
    }
}
