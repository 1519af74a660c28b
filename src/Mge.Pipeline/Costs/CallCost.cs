namespace Mge.Pipeline.Costs;

/// <summary>The USD cost of one call and whether the fallback price had to be used.</summary>
public sealed record CallCost(decimal CostUsd, bool PriceFallback);
