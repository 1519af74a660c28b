using Mge.CodeIntelligence.Paths;

namespace Mge.CodeIntelligence.Tests.Paths;

public sealed class PathResolverTests
{
    private static PathResolutionInput Input(
        string? explicitPath = null,
        string[]? targets = null,
        string code = "",
        string extension = ".py",
        string name = "",
        string description = "",
        int number = 7,
        int block = 0) =>
        new(explicitPath, targets ?? [], code, extension, name, description, number, block);

    [Fact]
    public void Explicit_metadata_wins_when_it_normalises()
    {
        var result = PathResolver.Resolve(Input("./app\\models\\user.py", ["app/models/other.py"]));
        Assert.Equal(new ResolvedPath("app/models/user.py", PathSource.ExplicitMetadata, null), result);
    }

    [Fact]
    public void Explicit_metadata_line_prefix_is_stripped()
    {
        Assert.Equal("src/app.js", PathResolver.Resolve(Input("// path: src/app.js", extension: ".js")).Path);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\x")]
    [InlineData("..\\..\\x")]
    [InlineData("a/../../b")]
    public void Rejected_explicit_paths_are_noted_and_resolution_continues(string explicitPath)
    {
        var result = PathResolver.Resolve(Input(explicitPath, ["app/models/user.py"]));
        Assert.Equal("app/models/user.py", result.Path);
        Assert.Equal(PathSource.TaskTargetFile, result.Source);
        Assert.NotNull(result.Note);
        Assert.Contains($"'{explicitPath}' ignored", result.Note);
    }

    [Fact]
    public void Target_files_are_matched_by_extension_and_block_index()
    {
        string[] targets = ["app/models/user.py", "README.md", "app/schemas/user.py"];
        Assert.Equal("app/models/user.py", PathResolver.Resolve(Input(targets: targets, block: 0)).Path);
        Assert.Equal("app/schemas/user.py", PathResolver.Resolve(Input(targets: targets, block: 1)).Path);
        Assert.Equal("README.md", PathResolver.Resolve(Input(targets: targets, extension: "md")).Path);
    }

    [Fact]
    public void Code_definitions_choose_among_several_targets()
    {
        string[] targets = ["app/models/user.py", "app/schemas/user.py"];
        var code = "from pydantic import BaseModel\n\nclass UserCreate(BaseModel):\n    name: str\n";
        var result = PathResolver.Resolve(Input(targets: targets, code: code, block: 0));
        Assert.Equal("app/schemas/user.py", result.Path);
        Assert.Equal(PathSource.TaskTargetFile, result.Source);
    }

    [Theory]
    [InlineData("class TaskComment(Base):\n    __tablename__ = 'comments'\n", "app/models/task_comment.py")]
    [InlineData("class User(DeclarativeBase):\n    pass\n", "app/models/user.py")]
    [InlineData("class TaskBase(BaseModel):\n    title: str\n", "app/schemas/task.py")]
    [InlineData("router = APIRouter(prefix=\"/tasks\", tags=[\"tasks\"])\n", "app/routers/tasks.py")]
    [InlineData("app = FastAPI(title='x')\n", "app/main.py")]
    public void Python_code_definitions_decide_the_path(string code, string expected)
    {
        var result = PathResolver.Resolve(Input(code: code, name: "Something"));
        Assert.Equal(expected, result.Path);
        Assert.Equal(PathSource.CodeDefinitions, result.Source);
    }

    [Fact]
    public void Express_code_definitions_decide_the_path()
    {
        var router = "const express = require('express');\nconst router = express.Router();\nmodule.exports = router;\n";
        Assert.Equal("src/routes/comments.js", PathResolver.Resolve(Input(code: router, extension: ".js", name: "Comment routes")).Path);
        var app = "const express = require('express');\nconst app = express();\nmodule.exports = app;\n";
        Assert.Equal("src/app.js", PathResolver.Resolve(Input(code: app, extension: ".js")).Path);
    }

    [Theory]
    [InlineData("Create User model", "", ".py", "app/models/user.py")]
    [InlineData("Pydantic schemas", "Schemas for tasks", ".py", "app/schemas/task.py")]
    [InlineData("Implement the comment router", "CRUD endpoints", ".py", "app/routers/comments.py")]
    [InlineData("Write tests for categories", "", ".py", "tests/test_categories.py")]
    [InlineData("Task service", "", ".js", "src/services/task.js")]
    [InlineData("Routes for users", "", ".js", "src/routes/users.js")]
    public void Task_wording_decides_when_nothing_else_does(string name, string description, string extension, string expected)
    {
        var result = PathResolver.Resolve(Input(code: "x = 1\n", extension: extension, name: name, description: description));
        Assert.Equal(expected, result.Path);
        Assert.Equal(PathSource.TaskWording, result.Source);
    }

    [Fact]
    public void Named_fallback_is_never_an_atom_name()
    {
        var result = PathResolver.Resolve(Input(code: "print('hi')\n", name: "Configure logging!", number: 12, block: 0));
        Assert.Equal("generated/task_012_configure_logging.py", result.Path);
        Assert.Equal(PathSource.NamedFallback, result.Source);
        var second = PathResolver.Resolve(Input(code: "x = 2\n", name: "", number: 3, block: 2, extension: "js"));
        Assert.Equal("generated/task_003_code_3.js", second.Path);
        Assert.DoesNotContain("atom", second.Path);
    }

    [Fact]
    public void Unicode_wording_still_yields_a_safe_path()
    {
        var result = PathResolver.Resolve(Input(code: "x = 1\n", name: "Configuración ñandú", number: 1));
        Assert.True(WorkspacePath.TryNormalize(result.Path, out var normalized, out _));
        Assert.Equal(normalized, result.Path);
        Assert.StartsWith("generated/task_001_", result.Path);
    }

    [Fact]
    public void Missing_extension_is_a_clear_error()
    {
        Assert.Throws<ArgumentException>(() => PathResolver.Resolve(Input(extension: " ")));
    }
}
