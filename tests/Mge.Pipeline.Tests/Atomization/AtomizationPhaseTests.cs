using Mge.CodeIntelligence.Atomization;
using Mge.Pipeline.Atomization;
using Mge.Pipeline.Progress;

namespace Mge.Pipeline.Tests.Atomization;

public sealed class AtomizationPhaseTests
{
    private const string Models = "import db\n\nclass User:\n    name = 1\n\ndef make_user():\n    return User()\n";
    private const string Main = "from app.models import User\n\ndef main():\n    print(make_user())\n";

    [Fact]
    public async Task Atoms_get_row_keys_from_the_sorted_file_list_and_join_back_to_each_file()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/models.py", Models)]), (2, [("app/main.py", Main)]));
        var phase = harness.Atomization;

        var first = await phase.AtomizeAsync(PhaseHarness.RunId, [2]);
        var second = await phase.AtomizeAsync(PhaseHarness.RunId, [1]);
        var total = await phase.CompleteAsync(PhaseHarness.RunId);

        var atoms = await harness.Repository.ListAtomsAsync(PhaseHarness.RunId);
        Assert.Equal(first.Atoms + second.Atoms, total);
        Assert.Equal(atoms.Count, total);
        // "app/main.py" sorts before "app/models.py": ordinal 0 and 1, whatever order the tasks ran in.
        Assert.All(atoms.Where(a => a.FilePath == "app/main.py"), a => Assert.StartsWith("0000-", a.RowKey));
        Assert.All(atoms.Where(a => a.FilePath == "app/models.py"), a => Assert.StartsWith("0001-", a.RowKey));
        Assert.Equal("0001-00002", atoms.Single(a => a.Defines.Contains("make_user")).RowKey);
        Assert.Equal(Main, string.Concat(atoms.Where(a => a.FileOrdinal == 0).OrderBy(a => a.Index).Select(a => a.Code)));
        Assert.Equal(Models, string.Concat(atoms.Where(a => a.FileOrdinal == 1).OrderBy(a => a.Index).Select(a => a.Code)));
        Assert.Equal(1, atoms.Single(a => a.Defines.Contains("make_user")).TaskNumber);

        var progress = await harness.EventsAsync(ProgressEvents.AtomizationProgressType);
        Assert.Equal(["1/2", "2/2"], progress.OrderBy(e => e.Key).Select(e => e.Data["progress"]!.GetValue<string>()));
        var complete = Assert.Single(await harness.EventsAsync(ProgressEvents.AtomizationCompleteType));
        Assert.Equal(total, complete.Data["total_atoms"]!.GetValue<int>());
    }

    [Fact]
    public async Task Running_twice_leaves_the_same_rows()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/models.py", Models), ("app/main.py", Main)]));
        var phase = harness.Atomization;

        await phase.AtomizeAsync(PhaseHarness.RunId, [1]);
        var once = await harness.Repository.ListAtomsAsync(PhaseHarness.RunId);
        await phase.AtomizeAsync(PhaseHarness.RunId, [1]);
        var twice = await harness.Repository.ListAtomsAsync(PhaseHarness.RunId);

        Assert.Equal(once.Select(a => (a.RowKey, a.Code)), twice.Select(a => (a.RowKey, a.Code)));
    }

    [Fact]
    public async Task Files_that_cannot_be_atomized_become_one_lossless_statement_atom()
    {
        var harness = new PhaseHarness();
        const string broken = "def broken(:\n    return 1\n";
        const string notes = "# Notes\n\nNothing to parse here.\n";
        await harness.SeedAsync((1, [("app/broken.py", broken), ("NOTES.md", notes), ("app/ok.py", "x = 1\n")]));

        var outcome = await harness.Atomization.AtomizeAsync(PhaseHarness.RunId, [1]);

        Assert.Equal(2, outcome.FilesNotAtomized);
        var atoms = await harness.Repository.ListAtomsAsync(PhaseHarness.RunId);
        var brokenAtom = Assert.Single(atoms, a => a.FilePath == "app/broken.py");
        Assert.Equal(AtomKind.Statement, brokenAtom.Kind);
        Assert.Equal(broken, brokenAtom.Code);
        Assert.Equal((1, 2), (brokenAtom.StartLine, brokenAtom.EndLine));
        var notesAtom = Assert.Single(atoms, a => a.FilePath == "NOTES.md");
        Assert.Equal(notes, notesAtom.Code);
        Assert.Equal(CodeIntelligence.Languages.SourceLanguage.Unknown, notesAtom.Language);
    }

    [Fact]
    public async Task When_two_tasks_write_one_path_the_later_task_owns_it()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/main.py", "x = 1\n")]), (2, [("app/main.py", "y = 2\n")]));

        await harness.Atomization.AtomizeAsync(PhaseHarness.RunId, [1, 2]);

        var atom = Assert.Single(await harness.Repository.ListAtomsAsync(PhaseHarness.RunId));
        Assert.Equal("y = 2\n", atom.Code);
        Assert.Equal(2, atom.TaskNumber);
    }

    [Fact]
    public async Task An_unknown_task_is_a_clear_error()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/main.py", "x = 1\n")]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Atomization.AtomizeAsync(PhaseHarness.RunId, [9]));
        Assert.Contains("no task 9", error.Message);
    }
}
