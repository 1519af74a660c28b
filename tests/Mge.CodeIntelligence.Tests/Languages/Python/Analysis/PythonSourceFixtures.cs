using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.Python.Analysis;
using Mge.CodeIntelligence.Languages.Python.Parsing;
using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

/// <summary>Parsing and project set-up shared by the Python analysis tests.</summary>
internal static class PythonSourceFixtures
{
    public static Module Parse(string text)
    {
        var result = PythonParser.Parse(text);
        Xunit.Assert.True(result.Tree is not null, "test source must parse: " + string.Join("; ", result.Diagnostics));
        return result.Tree!;
    }

    public static PythonScopeModel Model(string text, bool isPackageInit = false) => PythonScopeModel.Build(Parse(text), isPackageInit);

    /// <summary>The undefined-name diagnostics of a snippet, as "name@line".</summary>
    public static IReadOnlyList<string> Undefined(string text, bool isPackageInit = false) =>
        PythonUndefinedNameChecker.Check(Model(text, isPackageInit))
            .Where(d => d.Code == PythonUndefinedNameChecker.Code)
            .Select(d => $"{d.Message.Split('\'')[1]}@{d.Line}")
            .ToList();

    /// <summary>A fastapi project of the fixed stack with the given file texts (paths not given get a docstring).</summary>
    public static ProjectContext FastApiProject(params (string Path, string Text)[] files)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app/__init__.py"] = "\"\"\"App package.\"\"\"\n",
            ["app/database.py"] = "\"\"\"Database.\"\"\"\nfrom sqlalchemy import create_engine\nengine = create_engine('sqlite://')\nSessionLocal = None\n\ndef get_db():\n    yield SessionLocal\n",
            ["app/models/__init__.py"] = "\"\"\"Models.\"\"\"\nfrom .user import User\n",
            ["app/models/user.py"] = "\"\"\"User model.\"\"\"\nclass User:\n    name: str\n",
            ["app/schemas/__init__.py"] = "\"\"\"Schemas.\"\"\"\n",
            ["app/schemas/user.py"] = "\"\"\"User schemas.\"\"\"\nfrom pydantic import BaseModel\n\nclass UserCreate(BaseModel):\n    name: str\n\nclass UserRead(UserCreate):\n    id: int\n",
            ["app/routers/__init__.py"] = "\"\"\"Routers.\"\"\"\n",
            ["app/main.py"] = "\"\"\"Main.\"\"\"\nfrom fastapi import FastAPI\napp = FastAPI()\n",
            ["tests/__init__.py"] = "\"\"\"Tests.\"\"\"\n",
        };
        foreach (var (path, text) in files)
        {
            texts[path] = text;
        }

        return new ProjectContext(
            texts.Keys.Append("requirements.txt").ToHashSet(StringComparer.Ordinal),
            ["fastapi", "uvicorn[standard]", "sqlalchemy", "pydantic", "httpx", "pytest"])
        {
            FileTexts = texts,
        };
    }
}
