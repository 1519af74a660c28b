namespace Mge.Pipeline.Costs;

/// <summary>
/// USD prices per model id, bound from configuration section "Mge:Prices" (Models:&lt;id&gt;:InputPerMillion, ...,
/// Fallback:...). Configured entries add to or override the defaults. A model that is not listed is priced with
/// <see cref="Fallback"/> and a warning, never silently at zero.
/// </summary>
public sealed class PriceTable
{
    public const string SectionName = "Mge:Prices";

    /// <summary>The offline model's id; priced like gpt-4o-mini so that cost accounting is exercised end to end.</summary>
    public const string OfflineModelId = "mge-offline-1";

    public Dictionary<string, ModelPrice> Models { get; set; } = Defaults();

    /// <summary>Price of models missing from <see cref="Models"/>: gpt-4o's by default, so unknown models are never under-counted as free.</summary>
    public ModelPrice Fallback { get; set; } = ModelPrice.Of(2.50m, 1.25m, 10.00m);

    /// <summary>The model's price, or the fallback (with <see cref="PriceLookup.IsFallback"/> set).</summary>
    public PriceLookup Find(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Models.TryGetValue(model, out var price))
        {
            return new PriceLookup(price, false);
        }

        // Providers often report dated snapshots ("gpt-4o-2024-08-06"): use the longest listed prefix.
        var prefix = Models.Keys
            .Where(k => model.StartsWith(k + "-", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(k => k.Length)
            .FirstOrDefault();
        return prefix is not null ? new PriceLookup(Models[prefix], false) : new PriceLookup(Fallback, true);
    }

    /// <summary>Public list prices (USD per 1M tokens) at the time of writing.</summary>
    public static Dictionary<string, ModelPrice> Defaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = ModelPrice.Of(2.50m, 1.25m, 10.00m),
        ["gpt-4o-mini"] = ModelPrice.Of(0.15m, 0.075m, 0.60m),
        ["gpt-4.1"] = ModelPrice.Of(2.00m, 0.50m, 8.00m),
        ["gpt-4.1-mini"] = ModelPrice.Of(0.40m, 0.10m, 1.60m),
        ["o4-mini"] = ModelPrice.Of(1.10m, 0.275m, 4.40m),
        [OfflineModelId] = ModelPrice.Of(0.15m, 0.075m, 0.60m),
    };
}

/// <summary>A price found in the table, and whether it is the fallback because the model is not listed.</summary>
public sealed record PriceLookup(ModelPrice Price, bool IsFallback);
