using System.Text;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Workspace;

/// <summary>
/// Phase 8: joins each file's atoms (their current code, repairs included, in index order) back into the file
/// and writes it to the workspace blobs ("{runId}/workspace/{path}"). Atomization is lossless, so a file whose
/// atoms were not repaired comes out byte for byte as validated; files without atoms (empty) are copied from
/// the task's stored text. Paths that fail the workspace check are not written and are reported.
/// </summary>
public sealed class FileWritingPhase
{
    /// <summary>A file_writing_progress event is published after this many files (and after the last one).</summary>
    public const int ProgressEvery = 10;

    private readonly RunRepository _repository;
    private readonly RunJournal _journal;
    private readonly IProgressPublisher _progress;

    public FileWritingPhase(RunRepository repository, RunJournal journal, IProgressPublisher progress)
    {
        _repository = repository;
        _journal = journal;
        _progress = progress;
    }

    public async Task<FileWritingOutcome> WriteAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.FileWriting, cancellationToken).ConfigureAwait(false);

        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var layout = WorkspaceLayout.Build(tasks);
        var atoms = (await _repository.ListAtomsAsync(runId, null, cancellationToken).ConfigureAwait(false))
            .GroupBy(a => a.FileOrdinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Index).ToList());

        var workspacePath = StorageKeys.Blobs.WorkspacePrefix(runId);
        var written = 0;
        foreach (var file in layout.Files)
        {
            byte[] content;
            if (atoms.TryGetValue(file.FileOrdinal, out var fileAtoms) && fileAtoms.Count > 0)
            {
                var builder = new StringBuilder();
                foreach (var atom in fileAtoms)
                {
                    builder.Append(atom.Code);
                }

                content = Encoding.UTF8.GetBytes(builder.ToString());
            }
            else
            {
                content = await _repository.Blobs.GetAsync(StorageNames.RunsContainer, file.Blob, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Task {file.TaskNumber} lists '{file.StoredPath}' but its blob '{file.Blob}' is missing.");
            }

            await _repository.Blobs.PutAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspaceFile(runId, file.WorkspacePath), content, cancellationToken).ConfigureAwait(false);
            written++;
            if (written % ProgressEvery == 0 || written == layout.Files.Count)
            {
                await _progress.PublishAsync(ProgressEvents.FileWritingProgress(runId, written, workspacePath, layout.Files.Count), cancellationToken).ConfigureAwait(false);
            }
        }

        if (written == 0)
        {
            await _progress.PublishAsync(ProgressEvents.FileWritingProgress(runId, 0, workspacePath, 0), cancellationToken).ConfigureAwait(false);
        }

        return new FileWritingOutcome(written, layout.PathsConfined, layout.PathsRejected);
    }
}
