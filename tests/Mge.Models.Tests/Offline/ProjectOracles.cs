using Mge.Testing;
namespace Mge.Models.Tests.Offline;

/// <summary>CPython and Node as oracles over a generated project: syntax and imports.</summary>
internal static class ProjectOracles
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Compiles every Python file in one python3 process (CPython's compile, as py_compile does, without writing .pyc); returns the errors (empty when all compile).</summary>
    public static async Task<string> CompilePythonAsync(string root, IEnumerable<string> paths)
    {
        const string script = """
            import sys
            failures = []
            for path in sys.argv[1:]:
                try:
                    compile(open(path, encoding="utf-8").read(), path, "exec")
                except SyntaxError as error:
                    failures.append(f"{path}:{error.lineno}:{error.offset}: {error.msg}")
            print("\n".join(failures))
            sys.exit(1 if failures else 0)
            """;
        var (exit, output) = await ExternalProcess.RunAsync("python3", ["-c", script, .. paths], root, Timeout);
        return exit == 0 ? "" : output;
    }

    /// <summary>
    /// Checks every import of every Python file: stdlib, a declared requirement, or a module of the project
    /// (and, for "from project.module import name", a submodule or a top-level name of that module).
    /// </summary>
    public static async Task<string> CheckPythonImportsAsync(string root, IEnumerable<string> paths, IEnumerable<string> requirements)
    {
        const string script = """
            import ast, os, sys
            root = os.getcwd()
            requirements = set(sys.argv[1].split(","))
            problems = []

            def module_file(dotted):
                base = os.path.join(root, *dotted.split("."))
                for candidate in (base + ".py", os.path.join(base, "__init__.py")):
                    if os.path.isfile(candidate):
                        return candidate
                return None

            def top_level_names(path):
                tree = ast.parse(open(path, encoding="utf-8").read())
                names = set()
                for node in tree.body:
                    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                        names.add(node.name)
                    elif isinstance(node, ast.Assign):
                        names.update(t.id for t in node.targets if isinstance(t, ast.Name))
                    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                        names.add(node.target.id)
                    elif isinstance(node, (ast.Import, ast.ImportFrom)):
                        names.update((a.asname or a.name).split(".")[0] for a in node.names)
                return names

            def check(path, dotted, names):
                top = dotted.split(".")[0]
                if top in sys.stdlib_module_names or top == "__future__":
                    return
                if top.lower() in requirements:
                    return
                target = module_file(dotted)
                if target is None:
                    problems.append(f"{path}: '{dotted}' is neither stdlib, a requirement nor a project module")
                    return
                for name in names:
                    if name != "*" and module_file(dotted + "." + name) is None and name not in top_level_names(target):
                        problems.append(f"{path}: '{dotted}' has no '{name}'")

            for path in sys.argv[2:]:
                tree = ast.parse(open(path, encoding="utf-8").read())
                for node in ast.walk(tree):
                    if isinstance(node, ast.Import):
                        for alias in node.names:
                            check(path, alias.name, [])
                    elif isinstance(node, ast.ImportFrom):
                        if node.level:
                            problems.append(f"{path}: relative import")
                        else:
                            check(path, node.module, [a.name for a in node.names])
            print("\n".join(problems))
            sys.exit(1 if problems else 0)
            """;
        var (exit, output) = await ExternalProcess.RunAsync("python3", ["-c", script, string.Join(',', requirements), .. paths], root, Timeout);
        return exit == 0 ? "" : output;
    }

    /// <summary>node --check on every JavaScript file.</summary>
    public static async Task<string> CheckJavaScriptSyntaxAsync(string root, IEnumerable<string> paths)
    {
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var (exit, output) = await ExternalProcess.RunAsync("node", ["--check", path], root, Timeout);
            if (exit != 0)
            {
                problems.Add($"{path}: {output}");
            }
        }

        return string.Join('\n', problems);
    }

    /// <summary>Every require() names a built-in module, a declared dependency, or a project file that exists.</summary>
    public static async Task<string> CheckJavaScriptRequiresAsync(string root, IEnumerable<string> paths, IEnumerable<string> dependencies)
    {
        const string script = """
            const fs = require("node:fs");
            const path = require("node:path");
            const { builtinModules } = require("node:module");
            const [deps, ...files] = process.argv.slice(1);
            const declared = new Set(deps.split(","));
            const problems = [];
            for (const file of files) {
              const source = fs.readFileSync(file, "utf8");
              for (const match of source.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)) {
                const name = match[2];
                if (name.startsWith(".")) {
                  const base = path.resolve(path.dirname(file), name);
                  const found = [base, base + ".js", path.join(base, "index.js")].some((c) => fs.existsSync(c) && fs.statSync(c).isFile());
                  if (!found) problems.push(`${file}: ${name} does not exist`);
                } else if (!name.startsWith("node:") && !builtinModules.includes(name) && !declared.has(name.split("/")[0])) {
                  problems.push(`${file}: ${name} is not a declared dependency`);
                }
              }
            }
            console.log(problems.join("\n"));
            process.exit(problems.length > 0 ? 1 : 0);
            """;
        var (exit, output) = await ExternalProcess.RunAsync("node", ["-e", script, string.Join(',', dependencies), .. paths], root, Timeout);
        return exit == 0 ? "" : output;
    }
}
