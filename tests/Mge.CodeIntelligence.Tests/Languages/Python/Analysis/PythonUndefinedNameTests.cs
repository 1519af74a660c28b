using static Mge.CodeIntelligence.Tests.Languages.Python.Analysis.PythonSourceFixtures;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

public sealed class PythonUndefinedNameTests
{
    [Fact]
    public void Reports_a_name_bound_nowhere() =>
        Assert.Equal(["undefined_thing@2"], Undefined("def f():\n    return undefined_thing + 1\n"));

    [Fact]
    public void Function_bodies_see_module_names_bound_later() =>
        Assert.Empty(Undefined("def f():\n    return helper()\n\ndef helper():\n    return 1\n"));

    [Fact]
    public void Module_code_does_not_see_names_bound_later() =>
        Assert.Equal(["later@1"], Undefined("print(later)\nlater = 1\n"));

    [Fact]
    public void Module_code_in_a_loop_sees_names_bound_later_in_that_loop() =>
        Assert.Empty(Undefined("for i in range(3):\n    if i:\n        print(seen)\n    seen = i\n"));

    [Fact]
    public void Conditional_definitions_count() =>
        Assert.Empty(Undefined("import sys\nif sys.platform == 'win32':\n    sep = '\\\\'\nelse:\n    sep = '/'\nprint(sep)\n"));

    [Fact]
    public void Class_scope_is_not_visible_from_methods() =>
        Assert.Equal(["limit@4"], Undefined("class C:\n    limit = 3\n    def f(self):\n        return limit\n    g = limit\n"));

    [Fact]
    public void Class_scope_is_not_visible_from_comprehensions_in_it() =>
        Assert.Equal(["size@3"], Undefined("class C:\n    size = 3\n    cells = [size * i for i in range(3)]\n    first = [i for i in range(size)]\n"));

    [Fact]
    public void Parameters_defaults_and_decorators_resolve_in_the_right_scope()
    {
        var source = "def deco(f):\n    return f\n\n@deco\ndef f(a, b=a):\n    return a + b\n";

        Assert.Equal(["a@5"], Undefined(source));
    }

    [Fact]
    public void Comprehension_variables_stay_inside_and_walrus_escapes()
    {
        var source = "def f(xs):\n    ys = [y for y in xs if (last := y)]\n    return y, last\n";

        Assert.Equal(["y@3"], Undefined(source));
    }

    [Fact]
    public void Lambda_parameters_and_closures_resolve()
    {
        var source = "def outer(k):\n    add = lambda x, y=k: x + y + k\n    def inner():\n        nonlocal k\n        k += 1\n        return add(k)\n    return inner\n";

        Assert.Empty(Undefined(source));
    }

    [Fact]
    public void Global_declarations_bind_module_names()
    {
        var source = "def setup():\n    global CONFIG\n    CONFIG = {}\n\ndef use():\n    return CONFIG\n";

        Assert.Empty(Undefined(source));
    }

    [Fact]
    public void Except_names_are_deleted_after_the_handler()
    {
        var source = "try:\n    pass\nexcept ValueError as error:\n    print(error)\nprint(error)\n";

        Assert.Equal(["error@5"], Undefined(source));
    }

    [Fact]
    public void Loop_with_and_match_targets_bind()
    {
        var source = """
            import contextlib
            for index, item in enumerate([1]):
                pass
            with contextlib.nullcontext() as ctx:
                pass
            match (index, item, ctx):
                case (0, [first, *rest], {"k": value, **others}) if first:
                    print(first, rest, value, others)
                case Point(x=px) as whole:
                    print(px, whole)
            """;

        Assert.Equal(["Point@9"], Undefined(source));
    }

    [Fact]
    public void Del_of_an_unbound_name_is_reported() =>
        Assert.Equal(["ghost@1"], Undefined("del ghost\n"));

    [Fact]
    public void Pep_695_type_parameters_are_visible_in_signature_and_body()
    {
        var source = "def first[T](items: list[T]) -> T:\n    x: T = items[0]\n    return x\n\nclass Box[V]:\n    item: V\n\ntype Pair[K] = tuple[K, K, Later]\nclass Later: pass\n";

        Assert.Empty(Undefined(source));
    }

    [Fact]
    public void Annotations_are_checked_unless_future_annotations()
    {
        const string Body = "def f(user: Usr) -> 'Missing':\n    return user\n";

        Assert.Equal(["Usr@1"], Undefined(Body));
        Assert.Empty(Undefined("from __future__ import annotations\n" + Body));
    }

    [Fact]
    public void Implicit_module_names_and_builtins_are_defined() =>
        Assert.Empty(Undefined("print(__name__, __file__, __doc__, __spec__, __builtins__, len, ExceptionGroup)\n"));

    [Fact]
    public void Package_path_exists_only_in_package_init()
    {
        Assert.Equal(["__path__@1"], Undefined("print(__path__)\n"));
        Assert.Empty(Undefined("print(__path__)\n", isPackageInit: true));
    }

    [Fact]
    public void Class_body_names_and_dunder_class_resolve()
    {
        var source = "class C:\n    print(__module__, __qualname__)\n    def f(self):\n        return __class__, super()\n";

        Assert.Empty(Undefined(source));
    }

    [Fact]
    public void Imports_bind_their_local_names()
    {
        var source = "import os.path\nimport json as j\nfrom typing import List as L, Dict\nprint(os.path, j, L, Dict, path)\n";

        Assert.Equal(["path@4"], Undefined(source));
    }

    [Fact]
    public void Unknown_star_import_disables_the_check_with_an_info()
    {
        var diagnostics = Mge.CodeIntelligence.Languages.Python.Analysis.PythonUndefinedNameChecker.Check(Model("from os.path import *\nprint(anything)\n"));

        var only = Assert.Single(diagnostics);
        Assert.Equal("star-import", only.Code);
        Assert.Equal(Mge.CodeIntelligence.Languages.DiagnosticSeverity.Info, only.Severity);
    }

    [Fact]
    public void Probing_a_name_inside_try_except_name_error_is_not_reported() =>
        Assert.Empty(Undefined("try:\n    cache\nexcept NameError:\n    cache = {}\n"));

    [Fact]
    public void Modules_writing_their_globals_dynamically_get_an_info_instead_of_errors()
    {
        var diagnostics = Mge.CodeIntelligence.Languages.Python.Analysis.PythonUndefinedNameChecker.Check(
            Model("globals().update({'A': 1})\nprint(A)\n"));

        Assert.Equal("dynamic-globals", Assert.Single(diagnostics).Code);
    }
}
