namespace Mge.Workflow.Inputs;

/// <summary>Activity input naming one batch of one wave: atoms [Batch * BatchSize, (Batch + 1) * BatchSize) of wave <see cref="Wave"/> (1-based; batches 0-based).</summary>
public sealed record WaveBatchRef(string RunId, int Wave, int Batch, int BatchSize);
