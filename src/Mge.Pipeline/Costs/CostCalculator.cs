using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mge.Pipeline.Costs;

/// <summary>
/// Prices a model call from its token counts with the <see cref="PriceTable"/>. Cached tokens are part of the
/// input tokens (as OpenAI reports them) and are charged at the cached rate; the rest at the input rate.
/// </summary>
public sealed class CostCalculator
{
    private readonly PriceTable _prices;
    private readonly ILogger<CostCalculator> _logger;
    private readonly ConcurrentDictionary<string, bool> _warnedModels = new(StringComparer.OrdinalIgnoreCase);

    public CostCalculator(IOptions<PriceTable> prices, ILogger<CostCalculator> logger)
    {
        _prices = prices.Value;
        _logger = logger;
    }

    public CallCost Calculate(string model, long inputTokens, long outputTokens, long cachedTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(cachedTokens);

        var lookup = _prices.Find(model);
        if (lookup.IsFallback && _warnedModels.TryAdd(model, true))
        {
            _logger.LogWarning(
                "Model '{Model}' has no price in Mge:Prices; its calls are priced with the fallback ({Input}/{Output} USD per 1M input/output tokens). Add it under Mge:Prices:Models.",
                model, lookup.Price.InputPerMillion, lookup.Price.OutputPerMillion);
        }

        var cached = Math.Min(cachedTokens, inputTokens);
        var fresh = inputTokens - cached;
        var cost = (fresh * lookup.Price.InputPerMillion
                    + cached * lookup.Price.CachedInputPerMillion
                    + outputTokens * lookup.Price.OutputPerMillion) / 1_000_000m;
        return new CallCost(decimal.Round(cost, 8), lookup.IsFallback);
    }

    /// <summary>The cost of a call not made yet, for the estimates of the *_generation_start events.</summary>
    public decimal Estimate(string model, long inputTokens, long outputTokens) =>
        decimal.Round((inputTokens * _prices.Find(model).Price.InputPerMillion + outputTokens * _prices.Find(model).Price.OutputPerMillion) / 1_000_000m, 6);
}
