using Mge.CodeIntelligence.Languages.Python;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Atomization;
using Microsoft.Extensions.AI;
using Moq;

namespace Mge.Pipeline.Tests.Waves;

/// <summary>Phases 5-8 with the real Python language service: valid code passes untouched and comes back byte for byte.</summary>
public sealed class RealLanguageServiceTests
{
    private const string Run = PhaseHarness.RunId;

    private const string Models = """"
        """User model."""
        from sqlalchemy import Column, Integer, String

        from app.database import Base


        class User(Base):
            __tablename__ = "users"

            id = Column(Integer, primary_key=True)
            name = Column(String, nullable=False)

            def display(self) -> str:
                return f"{self.name} ({self.id})"


        def make_user(name: str) -> User:
            user = User(name=name)
            return user

        """";

    private const string Database = """"
        """Database setup."""
        import os

        from sqlalchemy.orm import declarative_base

        DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./app.db")
        Base = declarative_base()

        """";

    [Fact]
    public async Task Valid_python_passes_every_wave_without_a_model_call_and_is_written_back_unchanged()
    {
        var harness = new PhaseHarness(language: new PythonLanguageService());
        const string models = Models;
        const string database = Database;
        await harness.SeedAsync((1, [("app/database.py", database), ("app/__init__.py", "\"\"\"App package.\"\"\"\n")]), (2, [("app/models/user.py", models)]));

        var atomized = await harness.Atomization.AtomizeAsync(Run, [1, 2]);
        var outline = await harness.WavePlanning.PlanAsync(Run, 50);
        for (var wave = 1; wave <= outline.AtomsPerWave.Count; wave++)
        {
            await harness.WaveExecution.ExecuteBatchAsync(Run, wave, 0, 100);
        }

        var precision = await harness.WaveExecution.CompleteAsync(Run);
        await harness.FileWriting.WriteAsync(Run);

        Assert.Equal(0, atomized.FilesNotAtomized);
        Assert.True(atomized.Atoms > 3, $"{atomized.Atoms} atoms");
        var failures = (await harness.Repository.ListAtomsAsync(Run)).Where(a => a.Status != AtomStates.Passed).Select(a => $"{a.RowKey}: {a.Error}");
        Assert.Empty(failures);
        Assert.Equal(1.0, precision);
        harness.Chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(models, await harness.Repository.GetTextAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(Run, "app/models/user.py")));
        Assert.Equal(database, await harness.Repository.GetTextAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(Run, "app/database.py")));
    }
}
