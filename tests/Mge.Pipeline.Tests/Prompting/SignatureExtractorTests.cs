using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Prompting;

namespace Mge.Pipeline.Tests.Prompting;

public sealed class SignatureExtractorTests
{
    [Fact]
    public void Python_keeps_defs_with_full_parameters_classes_fields_decorators_and_module_names()
    {
        const string code = """
            "Routes."
            from fastapi import APIRouter
            router = APIRouter(prefix="/tasks")
            MAX: int = 10

            class Task(Base):
                __tablename__ = "tasks"
                id = Column(Integer, primary_key=True)

                def owner(self) -> str:
                    name = "x"
                    return name

            @router.get("/")
            async def list_tasks(
                skip: int = 0,
                limit: int = 100,
            ):
                result = []
                if skip == 0:
                    pass
                return result
            """;

        var signatures = SignatureExtractor.Extract(new SourceFile("app/routers/tasks.py", code)).Signatures;

        Assert.Equal(
        [
            "router = APIRouter(prefix=\"/tasks\")",
            "MAX: int = 10",
            "class Task(Base):",
            "    __tablename__ = \"tasks\"",
            "    id = Column(Integer, primary_key=True)",
            "    def owner(self) -> str:",
            "@router.get(\"/\")",
            "async def list_tasks(skip: int = 0, limit: int = 100, ):",
        ], signatures);
    }

    [Fact]
    public void JavaScript_keeps_functions_classes_methods_requires_and_exports()
    {
        const string code = """
            // Task routes.
            const express = require('express');
            const router = express.Router();
            function validateTask(body) {
              if (!body.title) {
                return 'title is required';
              }
            }
            class TaskStore {
              async create(data) {
                return data;
              }
            }
            const helper = (a, b) => a + b;
            module.exports = { router, validateTask, TaskStore };
            """;

        var signatures = SignatureExtractor.Extract(new SourceFile("src/routes/tasks.js", code)).Signatures;

        Assert.Equal(
        [
            "const express = require('express');",
            "const router = express.Router();",
            "function validateTask(body)",
            "class TaskStore",
            "  async create(data)",
            "const helper = (a, b) => a + b;",
            "module.exports = { router, validateTask, TaskStore };",
        ], signatures);
    }
}
