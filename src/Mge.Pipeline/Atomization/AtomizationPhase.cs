using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Atomization;

/// <summary>
/// Phase 5: cuts each task's validated files into atoms with the file's language service and stores them
/// (table "atoms", row "{file ordinal:D4}-{atom index:D5}"). Lossless by construction: a file no language
/// service handles, that does not parse, or whose atoms do not join back to its text becomes one
/// <see cref="AtomKind.Statement"/> atom holding the whole file, so nothing is lost and wave execution checks
/// (and reports) it instead of passing it silently.
/// </summary>
public sealed class AtomizationPhase
{
    private readonly RunRepository _repository;
    private readonly LanguageServices _languages;
    private readonly RunJournal _journal;
    private readonly IProgressPublisher _progress;

    public AtomizationPhase(RunRepository repository, RunJournal journal, LanguageServices languages, IProgressPublisher progress)
    {
        _repository = repository;
        _languages = languages;
        _journal = journal;
        _progress = progress;
    }

    public async Task<AtomizationOutcome> AtomizeAsync(string runId, IReadOnlyList<int> taskNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(taskNumbers);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Atomization, cancellationToken).ConfigureAwait(false);

        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var index = CodeFileIndex.Build(tasks);
        var allNumbers = tasks.Select(t => t.Number).Order().ToList();

        var atomsTotal = 0;
        var notAtomized = 0;
        foreach (var taskNumber in taskNumbers.Distinct().Order())
        {
            var position = allNumbers.IndexOf(taskNumber);
            if (position < 0)
            {
                throw new InvalidOperationException($"Run '{runId}' has no task {taskNumber} to atomize.");
            }

            var records = new List<AtomRecord>();
            foreach (var file in await _repository.GetTaskFilesAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false))
            {
                if (!index.IsOwner(file.Path, taskNumber))
                {
                    continue;
                }

                var (atoms, atomized) = Atomize(file, cancellationToken);
                if (!atomized)
                {
                    notAtomized++;
                }

                var ordinal = index.OrdinalOf(file.Path);
                records.AddRange(atoms.Select(a => AtomRecord.From(a, taskNumber, ordinal)));
            }

            await _repository.SaveAtomsAsync(runId, records, cancellationToken).ConfigureAwait(false);
            atomsTotal += records.Count;
            await _progress.PublishAsync(
                ProgressEvents.AtomizationProgress(runId, taskNumber, records.Count, position + 1, allNumbers.Count),
                cancellationToken).ConfigureAwait(false);
        }

        return new AtomizationOutcome(taskNumbers, atomsTotal, notAtomized);
    }

    /// <summary>Counts the stored atoms and publishes atomization_complete.</summary>
    public async Task<int> CompleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var atoms = await _repository.ListAtomsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(ProgressEvents.AtomizationComplete(runId, tasks.Count, atoms.Count), cancellationToken).ConfigureAwait(false);
        return atoms.Count;
    }

    /// <summary>The atoms of one file, and whether the language service cut it (false: one whole-file atom).</summary>
    internal (IReadOnlyList<Atom> Atoms, bool Atomized) Atomize(SourceFile file, CancellationToken cancellationToken)
    {
        // An empty file has nothing to check; file writing copies it from the task's files.
        if (file.Text.Length == 0)
        {
            return ([], true);
        }

        var service = _languages.ForPath(file.Path);
        if (service is not null)
        {
            var result = service.Atomize(file, cancellationToken);
            if (result.Succeeded && result.Atoms.Count > 0 && IsLossless(result.Atoms, file.Text))
            {
                return (result.Atoms, true);
            }
        }

        return ([WholeFile(file, service?.Language ?? SourceLanguage.Unknown)], false);
    }

    internal static bool IsLossless(IReadOnlyList<Atom> atoms, string text)
    {
        var offset = 0;
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom.Index != i || atom.StartOffset != offset || string.CompareOrdinal(text, offset, atom.Code, 0, atom.Code.Length) != 0)
            {
                return false;
            }

            offset += atom.Code.Length;
        }

        return offset == text.Length;
    }

    internal static Atom WholeFile(SourceFile file, SourceLanguage language)
    {
        var lines = 1 + file.Text.Count(c => c == '\n') - (file.Text.EndsWith('\n') ? 1 : 0);
        return new Atom(file.Path, 0, language, AtomKind.Statement, "", 1, Math.Max(1, lines), 0, file.Text.Length, file.Text, [], [], []);
    }
}
