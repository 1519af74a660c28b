using System.Text.Json;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Waves;

/// <summary>Saves and loads the run's <see cref="WavePlanRecord"/>, spilling it to a blob when a table row could not hold it.</summary>
public sealed class WavePlanStore
{
    /// <summary>Table Storage holds at most 64 KiB per property; the serialised plan stays well under that or goes to a blob.</summary>
    public const int MaxInlineJsonLength = 48 * 1024;

    private readonly RunRepository _repository;

    public WavePlanStore(RunRepository repository) => _repository = repository;

    public async Task SaveAsync(string runId, WavePlanRecord plan, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(plan);
        if (json.Length > MaxInlineJsonLength)
        {
            var blob = StorageKeys.Blobs.WavePlan(runId);
            await _repository.PutTextAsync(StorageNames.RunsContainer, blob, json, cancellationToken).ConfigureAwait(false);
            plan = plan with { Waves = [], Cycles = [], Blob = blob };
        }

        await _repository.Records.UpsertAsync(StorageNames.Waves, runId, StorageKeys.WavePlanRow, plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full plan (membership loaded from the blob when spilled), or null before wave planning.</summary>
    public async Task<WavePlanRecord?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        var plan = await _repository.Records.GetAsync<WavePlanRecord>(StorageNames.Waves, runId, StorageKeys.WavePlanRow, cancellationToken).ConfigureAwait(false);
        if (plan?.Blob is not { } blob)
        {
            return plan;
        }

        var json = await _repository.GetTextAsync(StorageNames.RunsContainer, blob, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The wave plan of run '{runId}' points to blob '{blob}', which is missing.");
        return JsonSerializer.Deserialize<WavePlanRecord>(json)
            ?? throw new InvalidOperationException($"The wave plan blob '{blob}' of run '{runId}' is empty.");
    }

    public async Task<WavePlanRecord> RequireAsync(string runId, CancellationToken cancellationToken = default) =>
        await GetAsync(runId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Run '{runId}' has no wave plan; was wave planning run?");
}
