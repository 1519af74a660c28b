using Mge.Pipeline.Progress;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Atomization;

namespace Mge.Pipeline.Tests.Workspace;

public sealed class FileWritingPhaseTests
{
    private const string Run = PhaseHarness.RunId;

    private static async Task<string?> WorkspaceTextAsync(PhaseHarness harness, string path) =>
        await harness.Repository.GetTextAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(Run, path));

    private static async Task RunThroughExecutionAsync(PhaseHarness harness)
    {
        await harness.Atomization.AtomizeAsync(Run, [1, 2]);
        var outline = await harness.WavePlanning.PlanAsync(Run, 50);
        for (var wave = 1; wave <= outline.AtomsPerWave.Count; wave++)
        {
            await harness.WaveExecution.ExecuteBatchAsync(Run, wave, 0, 100);
        }
    }

    [Fact]
    public async Task Files_come_back_byte_for_byte_from_their_atoms_and_empty_files_from_the_task()
    {
        const string models = "import db\n\nclass User:\n    name = 1\n\n\ndef make_user():\n    return User()\n";
        const string main = "from app.models import User\r\ndef main():\r\n    return make_user()";
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/models.py", models), ("app/__init__.py", "")]), (2, [("app/main.py", main)]));
        await RunThroughExecutionAsync(harness);

        var outcome = await harness.FileWriting.WriteAsync(Run);

        Assert.Equal(3, outcome.FilesWritten);
        Assert.Empty(outcome.PathsRejected);
        Assert.Equal(models, await WorkspaceTextAsync(harness, "app/models.py"));
        Assert.Equal(main, await WorkspaceTextAsync(harness, "app/main.py"));
        Assert.Equal("", await WorkspaceTextAsync(harness, "app/__init__.py"));
        var progress = await harness.EventsAsync(ProgressEvents.FileWritingProgressType);
        Assert.Equal(3, progress.Last().Data["files_written"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_repaired_atom_is_written_in_place_of_the_original()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/service.py", "def base():\n    return 1\n\ndef total():\n    return undefined_x()\n")]), (2, []));
        harness.Answer("```python\ndef total():\n    return base()\n```");
        await RunThroughExecutionAsync(harness);

        await harness.FileWriting.WriteAsync(Run);

        Assert.Equal("def base():\n    return 1\n\ndef total():\n    return base()\n", await WorkspaceTextAsync(harness, "app/service.py"));
    }

    [Fact]
    public async Task A_path_outside_the_workspace_is_rejected_reported_and_not_written()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("../../etc/passwd", "root:x:0:0\n"), ("app/ok.py", "x = 1\n")]), (2, []));
        await RunThroughExecutionAsync(harness);

        var outcome = await harness.FileWriting.WriteAsync(Run);

        Assert.Equal(1, outcome.FilesWritten);
        var rejected = Assert.Single(outcome.PathsRejected);
        Assert.Contains("../../etc/passwd", rejected);
        Assert.Contains("outside the workspace", rejected);
        var written = new List<string>();
        await foreach (var name in harness.Repository.Blobs.ListAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspacePrefix(Run)))
        {
            written.Add(name);
        }

        Assert.Equal([StorageKeys.Blobs.WorkspaceFile(Run, "app/ok.py")], written);
    }

    [Fact]
    public async Task Writing_twice_gives_the_same_workspace()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/a.py", "a = 1\n"), ("README.md", "# readme\n")]), (2, [("app/b.py", "b = a\n")]));
        await RunThroughExecutionAsync(harness);

        var first = await harness.FileWriting.WriteAsync(Run);
        var a1 = await WorkspaceTextAsync(harness, "README.md");
        var second = await harness.FileWriting.WriteAsync(Run);

        Assert.Equal(first.FilesWritten, second.FilesWritten);
        Assert.Equal(a1, await WorkspaceTextAsync(harness, "README.md"));
        Assert.Equal("# readme\n", a1);
    }
}
