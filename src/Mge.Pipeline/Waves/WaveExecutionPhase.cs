using System.Diagnostics;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Waves;

/// <summary>
/// Phase 7: checks the atoms of one wave, batch by batch, in the context of what earlier waves defined, and has
/// the model repair those that fail (bounded attempts, errors and the code of their dependencies fed back).
/// Idempotent: an atom that already has a result keeps it; a re-run starts again from the atom's original
/// code and gets the same repairs from the call journal, never paying twice.
/// </summary>
public sealed class WaveExecutionPhase
{
    private readonly RunRepository _repository;
    private readonly RunJournal _journal;
    private readonly WavePlanStore _plans;
    private readonly LanguageServices _languages;
    private readonly ModelGateway _model;
    private readonly PromptBuilder _prompts;
    private readonly IProgressPublisher _progress;

    public WaveExecutionPhase(
        RunRepository repository,
        RunJournal journal,
        WavePlanStore plans,
        LanguageServices languages,
        ModelGateway model,
        PromptBuilder prompts,
        IProgressPublisher progress)
    {
        _repository = repository;
        _journal = journal;
        _plans = plans;
        _languages = languages;
        _model = model;
        _prompts = prompts;
        _progress = progress;
    }

    /// <summary>Checks (and repairs) the atoms [batch*batchSize, (batch+1)*batchSize) of a wave, in row-key order.</summary>
    public async Task<WaveBatchOutcome> ExecuteBatchAsync(string runId, int wave, int batch, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.WaveExecution, cancellationToken).ConfigureAwait(false);

        var plan = await _plans.RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        if (wave < 1 || wave > plan.WaveCount)
        {
            throw new ArgumentOutOfRangeException(nameof(wave), wave, $"Run '{runId}' has waves 1..{plan.WaveCount}.");
        }

        var members = plan.Waves[wave - 1].Order(StringComparer.Ordinal).ToList();
        if (batch == 0)
        {
            await _progress.PublishAsync(ProgressEvents.ExecutionWaveStart(runId, wave, plan.WaveCount, members.Count), cancellationToken).ConfigureAwait(false);
        }

        var slice = members.Skip(batch * batchSize).Take(batchSize).ToList();
        if (slice.Count == 0)
        {
            return new WaveBatchOutcome(wave, batch, 0, 0, 0, UsageTotals.Zero);
        }

        var context = await LoadContextAsync(runId, plan, cancellationToken).ConfigureAwait(false);
        var existing = (await _repository.ListResultsAsync(runId, wave, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Atom, StringComparer.Ordinal);

        var outcomes = new List<ExecutionResult>();
        var usage = UsageTotals.Zero;
        foreach (var key in slice)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (existing.TryGetValue(key, out var done))
            {
                outcomes.Add(done);
                continue;
            }

            var (result, callUsage) = await ExecuteAtomAsync(runId, wave, key, context, cancellationToken).ConfigureAwait(false);
            usage = usage.Add(callUsage);
            outcomes.Add(result);
        }

        var tally = ExecutionTally.From(outcomes);
        return new WaveBatchOutcome(wave, batch, tally.Passed, tally.Repaired, tally.Failed, usage);
    }

    /// <summary>Sums the wave's stored results and publishes execution_wave_complete (batch -1).</summary>
    public async Task<WaveBatchOutcome> CompleteWaveAsync(string runId, int wave, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var results = await _repository.ListResultsAsync(runId, wave, cancellationToken).ConfigureAwait(false);
        var tally = ExecutionTally.From(results);
        var calls = await _repository.ListCallsAsync(runId, "atom-", cancellationToken).ConfigureAwait(false);
        var keys = results.Select(r => r.Atom).ToHashSet(StringComparer.Ordinal);
        var usage = UsageTotals.Sum(calls.Where(c => keys.Contains(AtomKeyOfCall(c.Key))).Select(c => c.Usage));

        await _progress.PublishAsync(
            ProgressEvents.ExecutionWaveComplete(runId, wave, tally.Passed + tally.Repaired, tally.Failed, tally.DurationSeconds, tally.Repaired),
            cancellationToken).ConfigureAwait(false);
        return new WaveBatchOutcome(wave, -1, tally.Passed, tally.Repaired, tally.Failed, usage);
    }

    /// <summary>Publishes execution_complete and returns the precision: (passed + repaired) / atoms.</summary>
    public async Task<double> CompleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var plan = await _plans.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        var atoms = await _repository.ListAtomsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        var tally = ExecutionTally.From(await _repository.ListResultsAsync(runId, null, cancellationToken).ConfigureAwait(false));

        // An atom without a result was never checked: it counts as failed, not as passed.
        var failed = atoms.Count - tally.Passed - tally.Repaired;
        var precision = tally.PrecisionOver(atoms.Count);
        await _progress.PublishAsync(
            ProgressEvents.ExecutionComplete(runId, plan?.WaveCount ?? 0, atoms.Count, tally.Passed, tally.Repaired, Math.Max(failed, 0), precision),
            cancellationToken).ConfigureAwait(false);
        return precision;
    }

    private async Task<(ExecutionResult Result, UsageTotals Usage)> ExecuteAtomAsync(string runId, int wave, string key, RunContext context, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var atom = context.Atoms.TryGetValue(key, out var found)
            ? found
            : throw new InvalidOperationException($"The wave plan of run '{runId}' lists atom {key}, which is not stored.");

        // A re-run starts from the original code; the journaled repair calls give back the same answers.
        var original = atom.OriginalCode ?? atom.Code;
        var fileAtoms = context.FileAtoms(atom.FileOrdinal, atom.Index, atom with { Code = original });
        var check = new AtomCheck(_languages.ForPath(atom.FilePath), context.Project, fileAtoms, context.CycleOf, context.Definers, context.Validations);
        var errors = check.Run(atom, original, cancellationToken);

        var usage = UsageTotals.Zero;
        var status = AtomStates.Passed;
        var code = original;
        var attempts = 0;
        string output = "checked: syntax and names";
        if (errors.Count > 0)
        {
            status = AtomStates.Failed;
            var failedCode = original;
            while (check.CanCheck && attempts < context.MaxRepairAttempts)
            {
                attempts++;
                var messages = _prompts.AtomRepair(
                    context.ProjectType, atom.FilePath, atom.Scope, failedCode, errors, check.DependencyCode(atom), attempts);
                var call = await _model.CompleteAsync(runId, StorageKeys.Calls.AtomRepair(key, attempts), ModelRole.Repair, messages, cancellationToken: cancellationToken).ConfigureAwait(false);
                usage = usage.Add(call.FromJournal ? UsageTotals.Zero : call.Usage);

                var blocks = CodeBlockParser.Parse(call.Text).WithFinishReason(call.FinishReason);
                if (!blocks.Succeeded)
                {
                    errors = [.. blocks.Problems.Select(p => $"the repair answer had {p}")];
                    continue;
                }

                var candidate = FitLineEnding(blocks.Blocks[0].Code, original);
                var candidateErrors = check.Run(atom, candidate, cancellationToken);
                if (candidateErrors.Count == 0)
                {
                    status = AtomStates.Repaired;
                    code = candidate;
                    output = $"repaired in attempt {attempts}";
                    errors = [];
                    break;
                }

                errors = candidateErrors;
                failedCode = candidate;
            }

            if (status == AtomStates.Failed)
            {
                output = check.CanCheck ? $"failed after {attempts} repair attempt(s)" : "not checked";
            }
        }

        var error = status == AtomStates.Failed ? string.Join("\n", errors) : null;
        var updated = atom with
        {
            Code = code,
            OriginalCode = string.Equals(code, original, StringComparison.Ordinal) ? atom.OriginalCode : original,
            Status = status,
            Error = error,
            Attempts = attempts,
        };

        // Atom first, result last: a result means the atom's outcome is final and will be reused as is.
        await _repository.SaveAtomAsync(runId, updated, cancellationToken).ConfigureAwait(false);
        context.Atoms[key] = updated;
        var result = new ExecutionResult
        {
            Wave = wave,
            Atom = key,
            Status = status,
            Output = output,
            Error = error,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
            Attempts = attempts,
        };
        await _repository.SaveResultsAsync(runId, [result], cancellationToken).ConfigureAwait(false);
        return (result, usage);
    }

    /// <summary>Keeps the file's line structure: the repaired atom ends with a newline exactly when the original did.</summary>
    internal static string FitLineEnding(string repaired, string original)
    {
        var text = repaired.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (original.EndsWith('\n'))
        {
            return text.EndsWith('\n') ? text : text + "\n";
        }

        return text.TrimEnd('\n');
    }

    private static string AtomKeyOfCall(string callKey)
    {
        // "atom-0003-00012-a1" -> "0003-00012"
        var body = callKey["atom-".Length..];
        var attempt = body.LastIndexOf("-a", StringComparison.Ordinal);
        return attempt > 0 ? body[..attempt] : body;
    }

    private async Task<RunContext> LoadContextAsync(string runId, WavePlanRecord plan, CancellationToken cancellationToken)
    {
        var masterPlan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no masterplan.");
        var request = await _journal.GetRequestAsync(runId, cancellationToken).ConfigureAwait(false);
        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var atoms = await _repository.ListAtomsAsync(runId, null, cancellationToken).ConfigureAwait(false);

        var stack = ProjectStacks.For(masterPlan.ProjectType);
        var files = new HashSet<string>(tasks.SelectMany(t => t.Files.Select(f => f.Path)), StringComparer.Ordinal);
        var cycleOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Cycles.Count; i++)
        {
            foreach (var member in plan.Cycles[i].Atoms)
            {
                cycleOf[member] = i;
            }
        }

        var definers = new Dictionary<string, List<AtomRecord>>(StringComparer.Ordinal);
        foreach (var atom in atoms)
        {
            foreach (var name in atom.Defines.Concat(atom.Imports.Select(i => i.LocalName)).Distinct(StringComparer.Ordinal))
            {
                if (!definers.TryGetValue(name, out var list))
                {
                    definers[name] = list = [];
                }

                list.Add(atom);
            }
        }

        return new RunContext(
            masterPlan.ProjectType,
            new ProjectContext(files, stack.Dependencies),
            request.Options.MaxAtomRepairAttempts,
            atoms.ToDictionary(a => a.RowKey, StringComparer.Ordinal),
            cycleOf,
            definers);
    }

    private sealed record RunContext(
        Domain.ProjectType ProjectType,
        ProjectContext Project,
        int MaxRepairAttempts,
        Dictionary<string, AtomRecord> Atoms,
        IReadOnlyDictionary<string, int> CycleOf,
        IReadOnlyDictionary<string, List<AtomRecord>> Definers)
    {
        /// <summary>File validations of this batch, by path and text (see <see cref="AtomCheck"/>).</summary>
        public Dictionary<string, FileValidation> Validations { get; } = new(StringComparer.Ordinal);

        private ILookup<int, AtomRecord>? _byFile;

        /// <summary>The current atoms of one file in index order, with <paramref name="replacement"/> in place of atom <paramref name="index"/>.</summary>
        public IReadOnlyList<AtomRecord> FileAtoms(int fileOrdinal, int index, AtomRecord replacement)
        {
            // Atoms of a file are looked up by key so that repairs made earlier in this batch are seen.
            _byFile ??= Atoms.Values.ToLookup(a => a.FileOrdinal);
            return _byFile[fileOrdinal]
                .Select(a => a.Index == index ? replacement : Atoms[a.RowKey])
                .OrderBy(a => a.Index)
                .ToList();
        }
    }
}
