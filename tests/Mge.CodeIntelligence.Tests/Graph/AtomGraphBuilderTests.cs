using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using static Mge.CodeIntelligence.Tests.Graph.TestAtoms;

namespace Mge.CodeIntelligence.Tests.Graph;

public sealed class AtomGraphBuilderTests
{
    private static HashSet<(string From, string To, string Symbol)> EdgesOf(params Atom[] atoms) =>
        AtomGraphBuilder.Build(atoms).Edges.Select(e => (e.From, e.To, e.Symbol)).ToHashSet();

    [Fact]
    public void Uses_link_to_the_nearest_preceding_definition_in_the_same_file()
    {
        var edges = EdgesOf(
            Make("a.py", 0, defines: ["x"]),
            Make("a.py", 1, defines: ["x"], uses: ["x"]),
            Make("a.py", 2, uses: ["x"]));
        Assert.Equal([("a.py#1", "a.py#0", "x"), ("a.py#2", "a.py#1", "x")], edges.OrderBy(e => e.From));
    }

    [Fact]
    public void A_use_with_no_preceding_definition_links_to_the_first_following_one()
    {
        var edges = EdgesOf(
            Make("a.py", 0, defines: ["main"], uses: ["helper"]),
            Make("a.py", 1, defines: ["helper"]),
            Make("a.py", 2, defines: ["helper"]));
        Assert.Equal([("a.py#0", "a.py#1", "helper")], edges);
    }

    [Fact]
    public void No_self_edges_and_no_duplicates()
    {
        var edges = EdgesOf(
            Make("a.py", 0, defines: ["f"]),
            Make("a.py", 1, defines: ["g"], uses: ["g", "f", "f"]));
        Assert.Equal([("a.py#1", "a.py#0", "f")], edges);
    }

    [Fact]
    public void Methods_and_fragments_depend_on_their_enclosing_definition()
    {
        var edges = EdgesOf(
            Make("s.py", 0, defines: ["UserService"], kind: AtomKind.ClassHeader),
            Make("s.py", 1, defines: ["UserService.create"], scope: "UserService", kind: AtomKind.Method),
            Make("s.py", 2, scope: "UserService.create", kind: AtomKind.Fragment),
            Make("s.py", 3, defines: ["UserService.delete"], scope: "UserService.delete", kind: AtomKind.Method));
        Assert.Contains(("s.py#1", "s.py#0", "UserService"), edges);
        Assert.Contains(("s.py#2", "s.py#1", "UserService.create"), edges);
        Assert.Contains(("s.py#3", "s.py#0", "UserService"), edges);
        Assert.Equal(3, edges.Count);
    }

    [Fact]
    public void Python_imports_link_across_files_absolute_and_relative()
    {
        var edges = EdgesOf(
            Make("app/models/user.py", 0, defines: ["User"]),
            Make("app/models/__init__.py", 0, defines: ["Base"]),
            Make("app/routers/users.py", 0, imports: [new("app.models.user", "User", "User"), new("models", "Base", "B", Level: 2), new("sqlalchemy", "Column", "Column")]),
            Make("app/routers/users.py", 1, uses: ["User", "B", "Column"]));
        Assert.Contains(("app/routers/users.py#0", "app/models/user.py#0", "User"), edges);
        Assert.Contains(("app/routers/users.py#0", "app/models/__init__.py#0", "Base"), edges);
        Assert.Contains(("app/routers/users.py#1", "app/routers/users.py#0", "User"), edges);
        // One edge per (user, definer) pair: the first symbol found names it.
        Assert.Equal(3, edges.Count);
    }

    [Fact]
    public void Whole_module_imports_link_to_nothing_in_the_target()
    {
        var edges = EdgesOf(
            Make("app/db.py", 0, defines: ["engine"]),
            Make("app/main.py", 0, imports: [new("app.db", null, "app"), new("app.db", "*", "*")]));
        Assert.Empty(edges);
    }

    [Fact]
    public void JavaScript_relative_imports_resolve_with_node_rules_and_fall_back_to_module_exports()
    {
        var edges = EdgesOf(
            Make("src/store.js", 0, defines: ["createStore"]),
            Make("src/store.js", 1, defines: ["default"], uses: ["createStore"]),
            Make("src/routes/index.js", 0, defines: ["default"]),
            Make("src/app.js", 0, imports: [new("./store", "createStore", "createStore"), new("./store", "other", "other"), new("./routes", "default", "routes"), new("express", "default", "express")]));
        Assert.Contains(("src/app.js#0", "src/store.js#0", "createStore"), edges);
        Assert.Contains(("src/app.js#0", "src/store.js#1", "other"), edges);
        Assert.Contains(("src/app.js#0", "src/routes/index.js#0", "default"), edges);
        Assert.Contains(("src/store.js#1", "src/store.js#0", "createStore"), edges);
        Assert.Equal(4, edges.Count);
    }

    [Fact]
    public void Duplicate_atom_ids_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => AtomGraphBuilder.Build([Make("a.py", 0), Make("a.py", 0)]));
        Assert.Contains("a.py#0", error.Message);
    }

    [Fact]
    public void Symbol_index_answers_definers_and_python_modules()
    {
        var index = SymbolIndex.Build([Make("src/app/models/__init__.py", 0, defines: ["User"]), Make("src/app/models/__init__.py", 1, defines: ["User"])]);
        Assert.Equal("src/app/models/__init__.py", index.FileOfPythonModule("app.models"));
        Assert.Equal("src/app/models/__init__.py", index.FileOfPythonModule("src.app.models"));
        Assert.Equal(2, index.DefinersOf("src/app/models/__init__.py", "User").Count);
        Assert.Empty(index.DefinersOf("missing.py", "User"));
    }

    [Fact]
    public void A_python_module_with_a_stub_resolves_to_its_source()
    {
        var index = SymbolIndex.Build([Make("app/db.pyi", 0, defines: ["engine"]), Make("app/db.py", 0, defines: ["engine"]), Make("app/types.pyi", 0, defines: ["Id"])]);

        Assert.Equal("app/db.py", index.FileOfPythonModule("app.db"));
        Assert.Equal("app/types.pyi", index.FileOfPythonModule("app.types"));
    }

    [Fact]
    public void Relative_imports_in_a_src_layout_link_to_the_package_they_name()
    {
        var edges = EdgesOf(
            Make("src/app/models/__init__.py", 0, defines: ["User"]),
            Make("src/app/routers/users.py", 0, imports: [new("models", "User", "User", Level: 2)]),
            Make("src/app/routers/users.py", 1, uses: ["User"]));

        Assert.Contains(("src/app/routers/users.py#0", "src/app/models/__init__.py#0", "User"), edges);
    }
}
