using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Atomization.Python;
using Mge.CodeIntelligence.Languages;

namespace Mge.CodeIntelligence.Tests.Atomization.Python;

public sealed class PythonAtomizerTests
{
    private readonly PythonAtomizer _atomizer = new();

    private IReadOnlyList<Atom> Atomize(string text, string path = "app/module.py")
    {
        var result = _atomizer.Atomize(new SourceFile(path, text));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        AtomInvariants.AssertLossless(text, result.Atoms);
        return result.Atoms;
    }

    [Fact]
    public void Seed_example_links_get_user_tasks_to_get_users()
    {
        const string Source = """
            from typing import List

            def get_users() -> List[User]:
                return db.query(User).all()

            def get_user_tasks(user_id: int) -> List[Task]:
                user = get_users()[0]  # Depends on get_users
                return user.tasks

            """;

        var atoms = Atomize(Source);

        Assert.Equal([AtomKind.Import, AtomKind.Function, AtomKind.Function], atoms.Select(a => a.Kind));
        var getUserTasks = atoms.Single(a => a.Defines.Contains("get_user_tasks"));
        Assert.Contains("get_users", getUserTasks.Uses);
        Assert.Contains("List", getUserTasks.Uses);
        Assert.DoesNotContain("user", getUserTasks.Uses);
        Assert.DoesNotContain("user_id", getUserTasks.Uses);
        Assert.DoesNotContain("int", getUserTasks.Uses);
        var getUsers = atoms.Single(a => a.Defines.Contains("get_users"));
        Assert.Equal(["List", "User", "db"], getUsers.Uses);
        Assert.Equal(new ImportReference("typing", "List", "List"), Assert.Single(atoms[0].Imports));
    }

    [Fact]
    public void Class_becomes_a_header_and_one_atom_per_method()
    {
        const string Source = """"
            """Users service."""
            from app.models import User

            LIMIT = 10


            @dataclass
            class UserService:
                """Service for users."""

                table = "users"
                page_size: int = LIMIT

                def create(self, name):
                    return User(name=name)

                # Finds one user.
                async def find(self, user_id):
                    return self.create(user_id)

                class Meta:
                    ordering = ["name"]

                    def describe(self):
                        return ordering
            """";

        var atoms = Atomize(Source);

        Assert.Equal(
            [
                (AtomKind.Trivia, ""), (AtomKind.Import, ""), (AtomKind.Statement, ""), (AtomKind.ClassHeader, ""),
                (AtomKind.Method, "UserService"), (AtomKind.Method, "UserService"), (AtomKind.ClassHeader, "UserService"),
                (AtomKind.Method, "UserService.Meta"),
            ],
            atoms.Select(a => (a.Kind, a.Scope)));
        var header = atoms[3];
        Assert.StartsWith("\n\n@dataclass\nclass UserService:", header.Code);
        Assert.Equal(["UserService", "UserService.table", "UserService.page_size"], header.Defines);
        Assert.Equal(["dataclass", "LIMIT"], header.Uses);
        Assert.Equal(["UserService.create"], atoms[4].Defines);
        Assert.Equal(["User"], atoms[4].Uses);
        Assert.StartsWith("\n    # Finds one user.\n    async def find", atoms[5].Code);
        Assert.Equal(["UserService.Meta", "UserService.Meta.ordering"], atoms[6].Defines);
        Assert.Equal(["UserService.Meta.describe"], atoms[7].Defines);
        Assert.Equal(["ordering"], atoms[7].Uses);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], atoms.Select(a => a.Index));
    }

    [Fact]
    public void Long_functions_are_split_into_a_first_part_and_fragments()
    {
        var body = string.Concat(Enumerable.Range(0, 30).Select(i => $"    step_{i} = compute({i})\n"));
        var source = $"def pipeline(data):\n    \"\"\"Runs it.\"\"\"\n{body}    return finish(step_29, data)\n";

        var atoms = Atomize(source);

        Assert.Equal(AtomKind.Function, atoms[0].Kind);
        Assert.Equal(["pipeline"], atoms[0].Defines);
        Assert.All(atoms.Skip(1), a => Assert.Equal((AtomKind.Fragment, "pipeline"), (a.Kind, a.Scope)));
        Assert.True(atoms.Count >= 3);
        Assert.All(atoms, a => Assert.True(a.LineCount <= 10, $"atom {a.Index} has {a.LineCount} lines"));
        Assert.Contains("finish", atoms[^1].Uses);
        Assert.DoesNotContain("data", atoms[^1].Uses);
        Assert.DoesNotContain("step_29", atoms[^1].Uses);
        Assert.All(atoms.Skip(1), a => Assert.Contains("compute", a.Uses));
    }

    [Fact]
    public void Methods_that_are_long_get_fragments_scoped_to_the_method()
    {
        var body = string.Concat(Enumerable.Range(0, 20).Select(i => $"        self.total += {i}\n"));
        var source = $"class Counter:\n    def run(self):\n{body}        return self.total\n";

        var atoms = Atomize(source);

        Assert.Equal(AtomKind.ClassHeader, atoms[0].Kind);
        Assert.Equal((AtomKind.Method, "Counter"), (atoms[1].Kind, atoms[1].Scope));
        Assert.All(atoms.Skip(2), a => Assert.Equal((AtomKind.Fragment, "Counter.run"), (a.Kind, a.Scope)));
    }

    [Fact]
    public void Module_statements_group_in_about_ten_lines_and_never_across_a_def()
    {
        var assignments = string.Concat(Enumerable.Range(0, 25).Select(i => $"VALUE_{i} = {i}\n"));
        var source = assignments + "def f():\n    return VALUE_1\nAFTER = f()\n";

        var atoms = Atomize(source);

        var statements = atoms.Where(a => a.Kind == AtomKind.Statement).ToList();
        Assert.Equal(4, statements.Count);
        Assert.All(statements, a => Assert.True(a.LineCount <= 10));
        Assert.Equal(["AFTER"], statements[^1].Defines);
        Assert.Equal(["f"], statements[^1].Uses);
        Assert.Equal(["VALUE_1"], atoms.Single(a => a.Kind == AtomKind.Function).Uses);
    }

    [Fact]
    public void Statement_atoms_do_not_list_names_they_bind_before_reading()
    {
        var atoms = Atomize("x = 1\ny = x + 1\nz = w\n");

        var atom = Assert.Single(atoms);
        Assert.Equal(["x", "y", "z"], atom.Defines);
        Assert.Equal(["w"], atom.Uses);
    }

    [Fact]
    public void Many_imports_are_split_into_groups()
    {
        var source = string.Concat(Enumerable.Range(0, 25).Select(i => $"import module_{i}\n")) + "print(module_3)\n";

        var atoms = Atomize(source);

        Assert.Equal(3, atoms.Count(a => a.Kind == AtomKind.Import));
        Assert.Equal(25, atoms.Where(a => a.Kind == AtomKind.Import).Sum(a => a.Imports.Count));
        Assert.Equal(["module_3"], atoms[^1].Uses);
    }

    [Fact]
    public void Import_references_carry_module_name_alias_and_level()
    {
        var atoms = Atomize("import os.path\nimport numpy as np\nfrom .models import User as U, Task\nfrom . import crud\nfrom x import *\n");

        Assert.Equal(
            [
                new ImportReference("os.path", null, "os"),
                new ImportReference("numpy", null, "np"),
                new ImportReference("models", "User", "U", 1),
                new ImportReference("models", "Task", "Task", 1),
                new ImportReference("", "crud", "crud", 1),
                new ImportReference("x", "*", "*"),
            ],
            Assert.Single(atoms).Imports);
    }

    [Fact]
    public void Leading_comments_go_to_the_next_atom_and_trailing_ones_to_a_trivia_atom()
    {
        var atoms = Atomize("#!/usr/bin/env python\n# header\n\nimport os\n\n\n# about f\ndef f():\n    return os\n\n# the end\n\n");

        Assert.Equal([AtomKind.Import, AtomKind.Function, AtomKind.Trivia], atoms.Select(a => a.Kind));
        Assert.StartsWith("#!/usr/bin/env python", atoms[0].Code);
        Assert.StartsWith("\n\n# about f\ndef f", atoms[1].Code);
        Assert.Equal("\n# the end\n\n", atoms[2].Code);
        Assert.Equal((1, 4), (atoms[0].StartLine, atoms[0].EndLine));
        Assert.Equal((5, 9), (atoms[1].StartLine, atoms[1].EndLine));
    }

    [Theory]
    [InlineData("import os\r\n\r\ndef f():\r\n\treturn os.sep\r\n\r\nclass C:\r\n\tdef m(self):\r\n\t\treturn f()\r\n")]
    [InlineData("\uFEFFimport os\n\ndef f():\n    return os.sep\n")]
    [InlineData("x = 1; y = 2\nif x: z = 3\nwhile False: pass\nw = [\n    1,\n    2,\n]\n")]
    [InlineData("def f(): return 1\nclass C: pass\nclass D:\n    x = 1\n    def m(self): return self.x\n    y = 2\n")]
    [InlineData("print('no newline at end')")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    [InlineData("x = '''\ndef not_a_function():\n    pass\n'''\n")]
    [InlineData("class A(\n    # comment inside bases\n    object,\n):\n    # before method\n\n    def m(self):\n        pass\n")]
    public void Atoms_join_back_to_the_exact_text(string source)
    {
        var atoms = Atomize(source);

        Assert.Equal(source, string.Concat(atoms.Select(a => a.Code)));
    }

    [Fact]
    public void Crlf_and_tabs_keep_line_numbers_right()
    {
        var atoms = Atomize("import os\r\n\r\ndef f():\r\n\treturn os.sep\r\n");

        Assert.Equal((1, 1), (atoms[0].StartLine, atoms[0].EndLine));
        Assert.Equal((2, 4), (atoms[1].StartLine, atoms[1].EndLine));
        Assert.Equal("\r\ndef f():\r\n\treturn os.sep\r\n", atoms[1].Code);
    }

    [Fact]
    public void A_file_that_does_not_parse_yields_diagnostics_and_no_atoms()
    {
        var result = _atomizer.Atomize(new SourceFile("bad.py", "def f(:\n"));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Atoms);
        Assert.Contains(result.Diagnostics, d => d.Code == "syntax");
    }

    [Fact]
    public void Options_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PythonAtomizer(new PythonAtomizerOptions(TargetLines: 0)));
}
